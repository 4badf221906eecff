package dev.gatewayinterface.reactive;

import dev.gatewayinterface.Header;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCounted;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.util.context.ContextView;

/**
 * Send a response through Reactor Netty's own response, one write at a time: each chunk is written and flushed,
 * and the application's thread waits until the socket took it. So at most one chunk per request is in flight,
 * whatever the client's speed, and a file goes out as a Netty file region (sendfile) instead of through the heap.
 *
 * <p>Spring's response is committed first, so that its commit actions (security headers, session cookies) run;
 * its body API is bypassed because it cannot tell when a chunk reached the socket.
 */
final class NettyResponseOutput implements ResponseOutput {

    private static final Predicate<Object> FLUSH_EACH = message -> true;

    private final ServerHttpResponse response;

    private final HttpServerResponse nativeResponse;

    private final Channel channel;

    private final ContextView context;

    private final BufferedBytes buffered;

    private final Duration timeout;

    private final Sinks.Empty<Void> done;

    private volatile boolean cancelled;

    private boolean finished;

    private NettyResponseOutput(ServerHttpResponse response, HttpServerResponse nativeResponse, ContextView context,
            BufferedBytes buffered, Duration timeout, Sinks.Empty<Void> done) {
        this.response = response;
        this.nativeResponse = nativeResponse;
        Channel[] connection = new Channel[1];
        nativeResponse.withConnection(c -> connection[0] = c.channel());
        this.channel = connection[0];
        this.context = context;
        this.buffered = buffered;
        this.timeout = timeout;
        this.done = done;
    }

    /**
     * Return the output for a response that Reactor Netty serves, or {@code null} for any other server. Only call
     * when Reactor Netty is on the class path.
     */
    static NettyResponseOutput of(ServerHttpResponse response, ContextView context, BufferedBytes buffered,
            Duration timeout, Sinks.Empty<Void> done) {
        try {
            if (ServerHttpResponseDecorator.getNativeResponse(response) instanceof HttpServerResponse netty) {
                return new NettyResponseOutput(response, netty, context, buffered, timeout, done);
            }
        }
        catch (RuntimeException ex) {
            // A response that has no native one (a mock) is no Reactor Netty response.
        }
        return null;
    }

    /**
     * Return the protocol of a request that Reactor Netty serves, such as {@code "HTTP/1.1"}, or {@code null} for
     * any other server. Only call when Reactor Netty is on the class path.
     */
    static String protocol(ServerHttpRequest request) {
        try {
            if (ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest netty) {
                return netty.protocol();
            }
        }
        catch (RuntimeException ex) {
            // A request that has no native one (a mock) is no Reactor Netty request.
        }
        return null;
    }

    /** Return the request target exactly as the client sent it, or {@code null} off Reactor Netty. */
    static String rawTarget(ServerHttpRequest request) {
        try {
            if (ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest netty) {
                return netty.uri();
            }
        }
        catch (RuntimeException ex) {
            // A request that has no native one (a mock) is no Reactor Netty request.
        }
        return null;
    }

    @Override
    public void sendHeaders(int status, String reason, List<Header> headers) throws IOException {
        checkClient();
        ResponseOutput.apply(response, status, headers);
        Mono<Void> commit = response.setComplete()
            .then(Mono.fromRunnable(() -> {
                // Spring's commit set the code alone; Reactor Netty can also send the application's reason.
                nativeResponse.status(new HttpResponseStatus(status, reason));
                if (nativeResponse.version() == HttpVersion.HTTP_1_0) {
                    // Reactor Netty would chunk it, which an HTTP/1.0 client cannot read: closing the connection
                    // ends a body of unknown length instead (docs/SPEC.md §6.3).
                    nativeResponse.responseHeaders().remove(HttpHeaderNames.TRANSFER_ENCODING);
                }
            }))
            .then(Mono.defer(() -> nativeResponse.sendHeaders().then()))
            .contextWrite(context);
        Await.completion(commit, timeout, "take the response headers");
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        buffered.add(length);
        try {
            send(Unpooled.wrappedBuffer(data, offset, length), "take the response body");
        }
        finally {
            buffered.remove(length);
        }
    }

    @Override
    public long transferFile(FileChannel file, long position, long count) throws IOException {
        if (!canSendFileRegions()) {
            return -1;
        }
        send(new OpenFileRegion(file, position, count), "take the file");
        return count;
    }

    @Override
    public void complete() {
        // Every byte already reached the socket: a client that has closed since has the whole response, which is
        // no failure. Let the server end the response now rather than after the body's close() and the hooks, so
        // that a client closing right after the last byte is not taken for one that went away.
        finished = true;
        finishOnEventLoop();
    }

    @Override
    public void abort() {
        finished = true;
        // Every chunk written so far reached the socket: closing now ends the connection right after them.
        try {
            channel.close().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void cancelled() {
        cancelled = true;
    }

    @Override
    public void end() {
        if (!finished) {
            // The engine ended neither way (it rethrew an Error): the response state is unknown, so cut it.
            abort();
        }
        finishOnEventLoop();
    }

    /** Complete the handler on the event loop, where Spring and Reactor Netty expect it; a second call does nothing. */
    private void finishOnEventLoop() {
        EventLoop eventLoop = channel.eventLoop();
        try {
            eventLoop.execute(done::tryEmitEmpty);
        }
        catch (RejectedExecutionException ex) {
            done.tryEmitEmpty();
        }
    }

    private void send(ReferenceCounted message, String what) throws IOException {
        AtomicBoolean handedOver = new AtomicBoolean();
        try {
            checkClient();
            Mono<ReferenceCounted> handOver = Mono.fromSupplier(() -> {
                handedOver.set(true);
                return message;
            });
            Await.completion(nativeResponse.sendObject(handOver, FLUSH_EACH).then(), timeout, what);
        }
        finally {
            // Netty releases what it was handed, once written or failed; only a message it never got is ours.
            if (!handedOver.get()) {
                message.release();
            }
        }
    }

    private void checkClient() throws IOException {
        if (cancelled || !channel.isActive()) {
            throw new IOException("the client went away");
        }
    }

    /**
     * Tell whether a file region can go out as it is: not through TLS or compression, which need the bytes,
     * nor over an HTTP/2 or HTTP/3 stream, which frames them; the rule Reactor Netty applies to its own files.
     */
    private boolean canSendFileRegions() {
        return channel instanceof SocketChannel && channel.pipeline().get(SslHandler.class) == null
                && channel.pipeline().get(NettyPipeline.CompressionHandler) == null;
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
