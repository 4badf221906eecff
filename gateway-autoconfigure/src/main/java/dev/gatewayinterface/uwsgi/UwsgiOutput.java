package dev.gatewayinterface.uwsgi;

import dev.gatewayinterface.Header;
import dev.gatewayinterface.engine.ResponseLength;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultFileRegion;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Write a response on a uwsgi connection the way uWSGI answers its proxy (docs/SPEC.md §17.4): an HTTP/1.1 status
 * line and headers, then the body, delimited by its {@code Content-Length} or by closing the connection. Each write
 * is flushed, and the application's thread waits until the socket took it, so at most one chunk per request is in
 * flight whatever the proxy's speed. The head goes out with the first body bytes, and a small chunk that completes
 * a response of known length is copied and handed over without waiting, so that a small response costs the
 * application's thread no wait for the event loop; the connection ends only once those bytes were written.
 *
 * <p>Called from the application's thread, but for {@link #abort()} and {@link #disconnect()}, which any thread may
 * call.
 */
final class UwsgiOutput {

    /** The largest last chunk copied and sent without the application's thread waiting for the socket. */
    static final int UNAWAITED_LAST_CHUNK = 16 * 1024;

    private final Channel channel;

    private final Duration timeout;

    private final boolean head;

    /** The status line and headers, held until body bytes go out with them or the response ends without any. */
    private ByteBuf pendingHead;

    /** Body bytes still to send before the response is whole, or -1 while unknown (a close-delimited body). */
    private long bodyRemaining = -1;

    /** The write of the response's last bytes, handed over without waiting, or {@code null}. */
    private volatile ChannelFuture lastWrite;

    UwsgiOutput(Channel channel, Duration timeout, boolean head) {
        this.channel = channel;
        this.timeout = timeout;
        this.head = head;
    }

    /** Hold the status line and the headers as the application gave them, to go out with the first body bytes. */
    void sendHeaders(int status, String reason, List<Header> headers) throws IOException {
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ').append(reason)
            .append("\r\n");
        for (Header header : headers) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        head.append("\r\n");
        // Native strings (docs/SPEC.md §2): one char is one byte.
        pendingHead = Unpooled.wrappedBuffer(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        bodyRemaining = ResponseLength.of(this.head, status, headers);
        if (bodyRemaining == 0) {
            sendLastUnawaited(Unpooled.EMPTY_BUFFER);
        }
    }

    /** Send body bytes; the caller may reuse the array once this returns. */
    void write(byte[] data, int offset, int length) throws IOException {
        if (bodyRemaining > 0 && length >= bodyRemaining && length <= UNAWAITED_LAST_CHUNK) {
            sendLastUnawaited(Unpooled.copiedBuffer(data, offset, length));
            return;
        }
        if (bodyRemaining > 0) {
            bodyRemaining = Math.max(0, bodyRemaining - length);
        }
        send(withHead(Unpooled.wrappedBuffer(data, offset, length)), "take the response body");
    }

    /** End a response whose head is still held: a body of unknown length that ended without bytes. */
    void complete() throws IOException {
        if (pendingHead != null) {
            sendLastUnawaited(Unpooled.EMPTY_BUFFER);
        }
    }

    /**
     * Run an action once the response's last bytes were written, or at once when none are on their way: the
     * connection must not end its output while they still wait in Netty's buffer.
     */
    void afterLastWrite(Runnable action) {
        if (pendingHead != null) {
            // The engine ended without sending the head (it rethrew an Error): it never goes out.
            pendingHead.release();
            pendingHead = null;
        }
        ChannelFuture write = lastWrite;
        if (write == null) {
            action.run();
        }
        else {
            write.addListener(done -> action.run());
        }
    }

    /** Tell whether the response's last bytes were handed over: nothing is left for a shutdown to interrupt. */
    boolean ended() {
        return lastWrite != null;
    }

    /** Send part of a file as a file region: the kernel copies it to the socket, never the heap. */
    long transferFile(FileChannel file, long position, long count) throws IOException {
        if (pendingHead != null) {
            // Written behind the head in the same flush: the region cannot be joined to a buffer.
            channel.write(pendingHead);
            pendingHead = null;
        }
        if (bodyRemaining > 0) {
            bodyRemaining = Math.max(0, bodyRemaining - count);
        }
        send(new OpenFileRegion(file, position, count), "take the file");
        return count;
    }

    /**
     * Cut the connection with a reset rather than a clean close: with a close-delimited body a clean close would tell
     * the proxy that the response is whole, and it would end its own response to the client as complete.
     */
    void abort() {
        try {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
        }
        catch (RuntimeException ex) {
            // A channel that no longer takes options is closed already, which is all that abort asks.
        }
        channel.close();
    }

    /** Put the held head in front of body bytes, so that both go out in one write. */
    private ByteBuf withHead(ByteBuf body) {
        if (pendingHead == null) {
            return body;
        }
        ByteBuf both = Unpooled.wrappedBuffer(pendingHead, body);
        pendingHead = null;
        return both;
    }

    /**
     * Hand the bytes that make the response whole, with the held head, to the event loop without waiting: the bytes
     * are a copy, so the application may reuse its array. A proxy gone by then has closed its own connection.
     */
    private void sendLastUnawaited(ByteBuf last) throws IOException {
        bodyRemaining = 0;
        ByteBuf message = withHead(last);
        if (!channel.isActive()) {
            message.release();
            throw new IOException("the proxy closed the connection");
        }
        ChannelFuture write = channel.writeAndFlush(message);
        lastWrite = write;
        // Unawaited, the write is still held to the client timeout: a proxy that stops taking bytes has its
        // connection cut, which fails the write and so lets the connection end.
        ScheduledFuture<?> deadline = channel.eventLoop().schedule(() -> {
            if (!write.isDone()) {
                abort();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        write.addListener(done -> deadline.cancel(false));
    }

    /**
     * Cut the connection from another thread, for a shutdown that aborts the request, unless the response's last
     * bytes were handed over meanwhile: decided on the event loop, where a close queued behind those bytes would
     * otherwise lose a whole response.
     */
    void disconnect() {
        try {
            channel.eventLoop().execute(() -> {
                if (lastWrite == null) {
                    abort();
                }
            });
        }
        catch (RejectedExecutionException ex) {
            abort();
        }
    }

    private void send(Object message, String what) throws IOException {
        if (!channel.isActive()) {
            release(message);
            throw new IOException("the proxy closed the connection");
        }
        await(channel.writeAndFlush(message), what);
    }

    private void await(ChannelFuture future, String what) throws IOException {
        try {
            if (!future.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                channel.close();
                throw new IOException("the proxy did not " + what + " within " + timeout);
            }
        }
        catch (InterruptedException ex) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the proxy to " + what);
        }
        if (!future.isSuccess()) {
            throw new IOException("the proxy went away before it could " + what, future.cause());
        }
    }

    private static void release(Object message) {
        if (message instanceof ByteBuf buffer) {
            buffer.release();
        }
        else if (message instanceof OpenFileRegion region) {
            region.release();
        }
    }

    /** Send part of a file but leave it open: the application's body owns the stream and closes it. */
    private static final class OpenFileRegion extends DefaultFileRegion {

        OpenFileRegion(FileChannel file, long position, long count) {
            super(file, position, count);
        }

        @Override
        protected void deallocate() {
        }
    }
}
