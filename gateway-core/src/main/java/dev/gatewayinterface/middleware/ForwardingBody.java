package dev.gatewayinterface.middleware;

import dev.gatewayinterface.Body;
import java.nio.channels.FileChannel;
import java.util.Iterator;
import java.util.Objects;

/**
 * Wrap a response body whose bytes pass through unchanged, keeping what the server knows of it: its length and
 * the file behind it (docs/SPEC.md §1.4). Middleware extends this to act on the body (release a lock when it is
 * closed, count its chunks) without costing the response its {@code Content-Length} or its zero-copy file path.
 *
 * <pre>{@code
 * return new ForwardingBody(body) {
 *     public void close() throws Exception {
 *         try { super.close(); } finally { lock.release(); }
 *     }
 * };
 * }</pre>
 *
 * <p>Middleware that changes the bytes must not extend this: the facts would then be false.
 */
public class ForwardingBody implements Body, AutoCloseable {

    private final Iterable<byte[]> body;

    /**
     * Wrap a body.
     * @param body the body whose bytes this one yields
     */
    public ForwardingBody(Iterable<byte[]> body) {
        this.body = Objects.requireNonNull(body, "body must not be null");
    }

    /**
     * Return the wrapped body.
     * @return the body given to the constructor
     */
    protected final Iterable<byte[]> delegate() {
        return body;
    }

    @Override
    public Iterator<byte[]> iterator() {
        return body.iterator();
    }

    @Override
    public long length() {
        return Body.lengthOf(body);
    }

    @Override
    public FileChannel file() {
        return Body.fileOf(body);
    }

    /**
     * Close the wrapped body, if it is closeable.
     * @throws Exception whatever the wrapped body's {@code close()} throws
     */
    @Override
    public void close() throws Exception {
        if (body instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + body + "]";
    }
}
