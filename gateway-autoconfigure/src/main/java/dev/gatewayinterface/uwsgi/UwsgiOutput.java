package dev.gatewayinterface.uwsgi;

import dev.gatewayinterface.Header;
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
import java.util.concurrent.TimeUnit;

/**
 * Write a response on a uwsgi connection the way uWSGI answers its proxy (docs/SPEC.md §17.4): an HTTP/1.1 status
 * line and headers, then the body, delimited by its {@code Content-Length} or by closing the connection. Each write
 * is flushed, and the application's thread waits until the socket took it, so at most one chunk per request is in
 * flight whatever the proxy's speed.
 */
final class UwsgiOutput {

    private final Channel channel;

    private final Duration timeout;

    UwsgiOutput(Channel channel, Duration timeout) {
        this.channel = channel;
        this.timeout = timeout;
    }

    /** Send the status line and the headers as the application gave them. */
    void sendHeaders(int status, String reason, List<Header> headers) throws IOException {
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ').append(reason)
            .append("\r\n");
        for (Header header : headers) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        head.append("\r\n");
        // Native strings (docs/SPEC.md §2): one char is one byte.
        send(Unpooled.wrappedBuffer(head.toString().getBytes(StandardCharsets.ISO_8859_1)), "take the response headers");
    }

    /** Send body bytes; the caller may reuse the array once this returns. */
    void write(byte[] data, int offset, int length) throws IOException {
        send(Unpooled.wrappedBuffer(data, offset, length), "take the response body");
    }

    /** Send part of a file as a file region: the kernel copies it to the socket, never the heap. */
    long transferFile(FileChannel file, long position, long count) throws IOException {
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
