package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.Syntax.quote;

/**
 * Hold what the validator knows of one request's response, shared by the wrappers of
 * {@code start_response}, {@code write} and the body: whether it started, its status and declared length,
 * the body bytes produced so far, and whether the server closed the body.
 */
final class ValidatedResponse {

    private final Violations violations;

    private final boolean head;

    private boolean started;

    private String status;

    private int code;

    private long declaredLength = -1;

    private long produced;

    /** Read by the request-end hook, which a server may run on another thread than the one that closed. */
    private volatile boolean closed;

    ValidatedResponse(Violations violations, boolean head) {
        this.violations = violations;
        this.head = head;
    }

    Violations violations() {
        return violations;
    }

    /** Record a {@code start_response} call the server accepted; a later one replaces the earlier. */
    void start(String status, int code, long declaredLength) {
        this.started = true;
        this.status = status;
        this.code = code;
        this.declaredLength = declaredLength;
    }

    boolean started() {
        return started;
    }

    void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    /**
     * Count non-empty body bytes from a chunk or {@code write()}, refusing them where no body is allowed, and
     * where they exceed the declared length: always for {@code write()}, which PEP 3333 says must raise
     * then; for a chunk only when strict, since PEP 3333 has the server stop iterating there (§6.3, §8).
     */
    void produce(byte[] data, boolean fromWrite) {
        String source = fromWrite ? "write()" : "the chunk";
        if (code == 204 || code == 304) {
            throw violations.of(ContractRule.BODY_FORBIDDEN, source + " " + quote(data) + " came for status "
                    + quote(status) + ", which must have no body");
        }
        if (head && violations.checks(ContractRule.HEAD_BODY)) {
            throw violations.of(ContractRule.HEAD_BODY, source + " " + quote(data)
                    + " came for a \"HEAD\" request; the server drops it, but the application did the work for nothing");
        }
        produced += data.length;
        if (declaredLength >= 0 && produced > declaredLength) {
            ContractRule rule = fromWrite ? ContractRule.CONTENT_LENGTH_EXCEEDED : ContractRule.BODY_BEYOND_CONTENT_LENGTH;
            if (violations.checks(rule)) {
                throw violations.of(rule, source + " " + quote(data) + " brings the body to " + produced
                        + " bytes, beyond its Content-Length " + quote(Long.toString(declaredLength)));
            }
        }
    }

    /** Check a body that was iterated to its end: it started, and it filled its declared length. */
    void end(String body) {
        if (!started) {
            throw violations.of(ContractRule.START_NEVER_CALLED,
                    "the body " + body + " ended, yet the application never called start_response");
        }
        if (!bodiless() && declaredLength >= 0 && produced < declaredLength) {
            throw violations.of(ContractRule.CONTENT_LENGTH_SHORT, "the body ended after " + produced
                    + " bytes, short of its Content-Length " + quote(Long.toString(declaredLength)));
        }
    }

    /**
     * Tell whether the response sends no body, so that a body short of its {@code Content-Length} is no
     * mistake: for HEAD the application may skip the body or produce it for the server to drop (§6.4).
     * 1xx is left out, as in wsgiref.validate: no application should send an informational status as its
     * final one.
     */
    private boolean bodiless() {
        return head || code == 204 || code == 304;
    }
}
