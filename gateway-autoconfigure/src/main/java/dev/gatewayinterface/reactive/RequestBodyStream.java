package dev.gatewayinterface.reactive;

import dev.gatewayinterface.engine.RequestBodyException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.CoreSubscriber;

/**
 * Read a reactive request body as a blocking stream, on the application's thread, with backpressure: at most
 * {@value #PREFETCH} buffers are requested ahead of the application's reads, and one more only when it has read
 * one (docs/REACTIVE.md). The body is subscribed on the first read, so a body nobody reads is never requested.
 *
 * <p>The publisher signals on the event loop, which never waits here: it queues a buffer and releases a permit.
 * Only the application's thread waits, for at most the client timeout.
 */
final class RequestBodyStream extends InputStream implements CoreSubscriber<DataBuffer> {

    /** Buffers requested ahead of the application: the one being read and the next. */
    static final int PREFETCH = 2;

    private final Publisher<DataBuffer> body;

    private final long contentLength;

    private final BufferedBytes buffered;

    private final Duration timeout;

    /**
     * Buffers received and not yet read, filled on the event loop and emptied by whichever thread reads or
     * disposes. Bounded by demand: never more than {@value #PREFETCH} are requested ahead, and a publisher that
     * sends more than it was asked for fails the read instead of growing this queue.
     */
    private final Queue<DataBuffer> queue = new ConcurrentLinkedQueue<>();

    private final AtomicInteger queued = new AtomicInteger();

    /** One permit per queued buffer, and one more once the body ended. */
    private final Semaphore signals = new Semaphore(0);

    private volatile Subscription subscription;

    private volatile Throwable error;

    private volatile boolean disposed;

    // Fields below are used by the reading thread only.

    private boolean subscribed;

    private boolean ended;

    private DataBuffer current;

    private int currentSize;

    private long received;

    RequestBodyStream(Publisher<DataBuffer> body, long contentLength, BufferedBytes buffered, Duration timeout) {
        this.body = body;
        this.contentLength = contentLength;
        this.buffered = buffered;
        this.timeout = timeout;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        this.subscription = subscription;
        if (disposed) {
            subscription.cancel();
            return;
        }
        subscription.request(PREFETCH);
    }

    @Override
    public void onNext(DataBuffer buffer) {
        buffered.add(buffer.readableByteCount());
        if (queued.incrementAndGet() > PREFETCH) {
            release(buffer);
            subscription.cancel();
            onError(new IllegalStateException("the request body publisher sent more buffers than requested"));
            return;
        }
        queue.offer(buffer);
        signals.release();
        if (disposed) {
            drain();
        }
    }

    @Override
    public void onError(Throwable failure) {
        error = failure;
        signals.release();
    }

    @Override
    public void onComplete() {
        signals.release();
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
        while (current == null || current.readableByteCount() == 0) {
            releaseCurrent(true);
            if (!next()) {
                return -1;
            }
        }
        int n = Math.min(length, current.readableByteCount());
        current.read(bytes, offset, n);
        if (current.readableByteCount() == 0) {
            // Free it now: an application that stops at Content-Length never reads again.
            releaseCurrent(true);
        }
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.readableByteCount();
    }

    /**
     * Stop reading: cancel the body and release every buffer still held. Called once the request ended; the
     * application may have left part of its body unread.
     */
    void dispose() {
        disposed = true;
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        releaseCurrent(false);
        drain();
        // Wake a read still waiting on another thread of the application: it sees the request ended at once.
        signals.release();
    }

    /** Take the next buffer, waiting for the client; {@code false} at the end of the body. */
    private boolean next() throws IOException {
        if (ended) {
            return false;
        }
        if (!subscribed) {
            subscribed = true;
            body.subscribe(this);
        }
        try {
            Await.permit(signals, timeout, "send more of the request body");
        }
        catch (InterruptedIOException ex) {
            throw ex;
        }
        catch (IOException ex) {
            throw RequestBodyException.timedOut("the client sent no more of the request body within "
                    + timeout.toMillis() + " ms (gateway.timeouts.request-body)", ex);
        }
        if (disposed) {
            // The request ended while another thread of the application still read its body.
            drain();
            throw ended();
        }
        DataBuffer buffer = poll();
        if (buffer != null && disposed) {
            release(buffer);
            throw ended();
        }
        if (buffer == null) {
            // Buffers are queued before their permits and all come before the end's: this permit is the end's.
            ended = true;
            if (error != null && isDecodingFailure(error)) {
                // Reactor Netty answered the broken framing itself (400): the client's fault, not the application's.
                throw RequestBodyException.malformed("the request body is malformed: " + error.getMessage()
                        + " (RFC 9112 §7)", error);
            }
            if (error != null) {
                throw new IOException("the request body could not be read: " + error.getMessage(), error);
            }
            if (contentLength >= 0 && received < contentLength) {
                throw new EOFException("the client ended the request body after " + received + " of its "
                        + contentLength + " bytes");
            }
            return false;
        }
        current = buffer;
        currentSize = buffer.readableByteCount();
        received += currentSize;
        return true;
    }

    /** Tell whether the body failed because Netty's decoder found its framing broken. */
    private static boolean isDecodingFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (type.getName().equals("io.netty.handler.codec.DecoderException")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void releaseCurrent(boolean requestNext) {
        if (current == null) {
            return;
        }
        release(current);
        current = null;
        if (requestNext) {
            subscription.request(1);
        }
    }

    private static IOException ended() {
        return new IOException("the request has ended; its body can no longer be read");
    }

    private DataBuffer poll() {
        DataBuffer buffer = queue.poll();
        if (buffer != null) {
            queued.decrementAndGet();
        }
        return buffer;
    }

    private void drain() {
        DataBuffer buffer;
        while ((buffer = poll()) != null) {
            release(buffer);
        }
    }

    private void release(DataBuffer buffer) {
        buffered.remove(buffer == current ? currentSize : buffer.readableByteCount());
        DataBufferUtils.release(buffer);
    }
}
