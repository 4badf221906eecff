package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.Syntax.identify;
import static dev.gatewayinterface.middleware.Syntax.quote;

import java.nio.channels.FileChannel;
import java.util.Iterator;

/**
 * Check how the server uses the application's body and what the body yields (docs/SPEC.md §1.2, §1.3,
 * §5.4, §6.3, §11.2). The server sees every violation where it touches the body: {@link #iterator()},
 * {@code hasNext()}, {@code next()} or {@link #close()}.
 *
 * <p>Starting to iterate before the application called {@code start_response} is allowed, because a lazy
 * application calls it during the first {@code next()}. What is refused is taking a non-empty chunk while
 * {@code start_response} still has not been called, and a body that ends without it ever being called:
 * PEP 3333's "before the iterable yields its first body bytestring", with §1.2's reading that an empty
 * chunk carries no body bytes.
 */
final class ValidatingBody extends ForwardingBody {

    private final Iterable<byte[]> body;

    private final ValidatedResponse response;

    private boolean iterated;

    /**
     * Wrap a body, passing its length and file on to the server (§1.4), so that validating costs a response
     * neither its {@code Content-Length} nor its zero-copy file path.
     */
    ValidatingBody(Iterable<byte[]> body, ValidatedResponse response) {
        super(body);
        this.body = body;
        this.response = response;
    }

    /**
     * Return an iterator over the body's chunks, refusing a second one and one asked for after close.
     */
    @Override
    public Iterator<byte[]> iterator() {
        refuseIfClosed("iterator()");
        if (iterated) {
            throw response.violations().of(ContractRule.BODY_ITERATED_TWICE,
                    "the server asked for a second iterator of the body " + identify(body));
        }
        iterated = true;
        return new Chunks(body.iterator());
    }

    /**
     * Return the file behind the body for the server to send whole, refused once the body is closed; the
     * server then sends at most the declared {@code Content-Length} of it (§6.3, §8).
     */
    @Override
    public FileChannel file() {
        refuseIfClosed("file()");
        return super.file();
    }

    /**
     * Close the body, once: a second close is refused and does not reach the application's body.
     */
    @Override
    public void close() throws Exception {
        if (response.closed()) {
            throw response.violations().of(ContractRule.BODY_CLOSED_TWICE,
                    "the server closed the body " + identify(body) + " a second time");
        }
        response.close();
        super.close();
    }

    private void refuseIfClosed(String call) {
        if (response.closed()) {
            throw response.violations().of(ContractRule.BODY_USED_AFTER_CLOSE,
                    "the server called " + call + " on the body " + identify(body) + " after closing it");
        }
    }

    /** Check each chunk as the server takes it. */
    private final class Chunks implements Iterator<byte[]> {

        private final Iterator<byte[]> chunks;

        private boolean ended;

        Chunks(Iterator<byte[]> chunks) {
            this.chunks = chunks;
        }

        @Override
        public boolean hasNext() {
            refuseIfClosed("hasNext()");
            boolean more = chunks.hasNext();
            if (!more && !ended) {
                ended = true;
                response.end(identify(body));
            }
            return more;
        }

        @Override
        public byte[] next() {
            refuseIfClosed("next()");
            byte[] chunk = chunks.next();
            if (chunk == null) {
                throw response.violations().of(ContractRule.CHUNK_NULL,
                        "the body " + identify(body) + " yielded null, not a byte[] chunk");
            }
            if (chunk.length > 0) {
                if (!response.started()) {
                    throw response.violations().of(ContractRule.BODY_BEFORE_START, "the body yielded the chunk "
                            + quote(chunk) + " before the application called start_response");
                }
                response.produce(chunk, false);
            }
            return chunk;
        }
    }
}
