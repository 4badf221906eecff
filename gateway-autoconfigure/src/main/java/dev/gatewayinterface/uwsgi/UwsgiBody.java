package dev.gatewayinterface.uwsgi;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Read the body that follows a uwsgi packet's vars as a blocking stream, on the application's thread, with
 * backpressure: the socket is read one buffer at a time, and only once the application has read the one before, so
 * a body nobody reads stays in the kernel and a slow application slows the proxy rather than growing a buffer.
 *
 * <p>The event loop hands over buffers and the end of input; it never waits here. The application's thread waits
 * for at most the client timeout.
 */
final class UwsgiBody extends InputStream {

    /** The end of input, queued after the last buffer. */
    private static final Object END = new Object();

    private final Runnable readMore;

    private final UwsgiRequest.Framing framing;

    private final long contentLength;

    private final long limit;

    private final Duration timeout;

    private final Consumer<UwsgiProtocolException> onTruncated;

    /** Buffers the event loop read and the end of input; holds at most one buffer and the end, by demand. */
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    private volatile boolean disposed;

    // Fields below are used by the reading thread only.

    private ByteBuf current;

    private long received;

    private boolean finished;

    /**
     * Create the body of one request.
     * @param readMore asks the connection for one more read of the socket
     * @param request the request, which says how its body is framed
     * @param limit the most body bytes accepted, or {@code -1} for no limit
     * @param timeout how long the application's thread waits for the proxy to send more
     * @param onTruncated told once when the body ended before its {@code CONTENT_LENGTH}
     */
    UwsgiBody(Runnable readMore, UwsgiRequest request, long limit, Duration timeout,
            Consumer<UwsgiProtocolException> onTruncated) {
        this.readMore = readMore;
        this.framing = request.framing();
        this.contentLength = request.contentLength();
        this.limit = limit;
        this.timeout = timeout;
        this.onTruncated = onTruncated;
        this.finished = framing == UwsgiRequest.Framing.EMPTY || contentLength == 0;
    }

    /** Take a buffer the event loop read; this stream releases it. */
    void offer(ByteBuf buffer) {
        if (disposed) {
            buffer.release();
            return;
        }
        queue.add(buffer);
        if (disposed) {
            drain();
        }
    }

    /** Learn that the proxy ended its side of the connection, or closed it. */
    void end() {
        queue.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return 0;
        }
        while (!finished && (current == null || !current.isReadable())) {
            releaseCurrent();
            next();
        }
        if (finished) {
            return -1;
        }
        int n = Math.min(length, current.readableBytes());
        if (framing == UwsgiRequest.Framing.SIZED) {
            n = (int) Math.min(n, contentLength - received);
        }
        current.readBytes(bytes, offset, n);
        received += n;
        if (framing == UwsgiRequest.Framing.SIZED && received == contentLength) {
            // Bytes past the body are none of the application's: uwsgi carries one request per connection.
            finished = true;
            releaseCurrent();
        }
        else if (limit >= 0 && received > limit) {
            finished = true;
            releaseCurrent();
            throw new IOException("the request body passed gateway.uwsgi.max-body-size (" + limit + " bytes)");
        }
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.readableBytes();
    }

    /** Release every buffer still held and wake a read still waiting; called once, when the request ended. */
    void dispose() {
        disposed = true;
        releaseCurrent();
        drain();
        queue.add(END);
    }

    /** Take the next buffer, asking the socket for one when none is queued. */
    private void next() throws IOException {
        Object next = queue.poll();
        if (next == null) {
            readMore.run();
            try {
                next = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the request body");
            }
            if (next == null) {
                throw new IOException("the proxy did not send more of the request body within " + timeout);
            }
        }
        if (disposed) {
            release(next);
            finished = true;
            throw new IOException("the request has ended; its body can no longer be read");
        }
        if (next == END) {
            finished = true;
            if (framing == UwsgiRequest.Framing.SIZED && received < contentLength) {
                UwsgiProtocolException truncated = new UwsgiProtocolException(UwsgiFault.TRUNCATED_BODY,
                        "the connection ended after " + received + " of the body's " + contentLength
                                + " bytes (CONTENT_LENGTH)");
                onTruncated.accept(truncated);
                throw truncated;
            }
            return;
        }
        current = (ByteBuf) next;
    }

    private void releaseCurrent() {
        if (current != null) {
            current.release();
            current = null;
        }
    }

    private void drain() {
        Object next;
        while ((next = queue.poll()) != null) {
            release(next);
        }
    }

    private static void release(Object item) {
        if (item instanceof ByteBuf buffer) {
            buffer.release();
        }
    }
}
