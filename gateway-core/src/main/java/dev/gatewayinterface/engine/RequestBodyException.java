package dev.gatewayinterface.engine;

import java.io.IOException;

/**
 * Signal that {@code wsgi.input} cannot go on because of the client: a body whose chunked framing is broken, one
 * longer than the mount's limit, or one the client stopped sending (docs/SPEC.md §4.3, §14). Bindings throw it
 * from their body streams; the engine answers the status it carries with {@code Connection: close} when the
 * application lets it through before its response started, since the failure is the client's, not the
 * application's, and the rest of the connection cannot be trusted.
 */
public final class RequestBodyException extends IOException {

    private final int status;

    private final String reason;

    private RequestBodyException(int status, String reason, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.reason = reason;
    }

    /**
     * Describe a body whose framing breaks RFC 9112 §7, such as a malformed chunk-size line.
     * @param message what is wrong, naming the rule
     * @param cause the server's own exception, or {@code null}
     * @return the exception, answered 400
     */
    public static RequestBodyException malformed(String message, Throwable cause) {
        return new RequestBodyException(400, "Bad Request", message, cause);
    }

    /**
     * Describe a client that sent no more of its body in time.
     * @param message which timeout ran out, naming its setting
     * @param cause the server's own exception, or {@code null}
     * @return the exception, answered 408
     */
    public static RequestBodyException timedOut(String message, Throwable cause) {
        return new RequestBodyException(408, "Request Timeout", message, cause);
    }

    /**
     * Describe a body longer than the mount allows.
     * @param message the limit and its setting
     * @return the exception, answered 413
     */
    public static RequestBodyException tooLarge(String message) {
        return new RequestBodyException(413, "Content Too Large", message, null);
    }

    /**
     * Return the status the gateway answers when the application lets this exception through.
     * @return 400, 408 or 413
     */
    public int status() {
        return status;
    }

    /**
     * Return the answer the gateway gives: the status, and this exception's message as the rule.
     * @return the refusal
     */
    public Refusal refusal() {
        return new Refusal(status, reason, getMessage());
    }

    /**
     * Return the reason phrase of that status.
     * @return the reason phrase
     */
    public String reason() {
        return reason;
    }
}
