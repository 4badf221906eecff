package dev.gatewayinterface.reactive;

import dev.gatewayinterface.Header;
import dev.gatewayinterface.engine.ResponseLength;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCounted;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.util.context.ContextView;

/**
 * Send a response through Reactor Netty's own response, one write at a time: each chunk is written and flushed,
 * and the application's thread waits until the socket took it. So at most one chunk per request is in flight,
 * whatever the client's speed, and a file goes out as a Netty file region (sendfile) instead of through the heap.
 * The headers go out with the first chunk, and a small chunk that completes a response of known length is copied
 * and sent without waiting, so that a small response costs the application's thread one hand-off to the event
 * loop.
 *
 * <p>Spring's response is committed first, so that its commit actions (security headers, session cookies) run;
 * its body API is bypassed because it cannot tell when a chunk reached the socket.
 */
final class NettyResponseOutput implements ResponseOutput {

    private static final Logger logger = LoggerFactory.getLogger(NettyResponseOutput.class);

    private static final Predicate<Object> FLUSH_EACH = message -> true;

    /** The largest last chunk copied and sent without the application's thread waiting for the socket. */
    static final int UNAWAITED_LAST_CHUNK = 16 * 1024;

    private final ServerHttpResponse response;

    private final HttpServerResponse nativeResponse;

    private final Channel channel;

    private final ContextView context;

    private final BufferedBytes buffered;

    private final Duration timeout;

    private final Sinks.Empty<Void> done;

    private final boolean head;

    /** Body bytes still to send before the response is whole, or -1 while unknown (a chunked body). */
    private long bodyRemaining = -1;

    /** The commit of headers a body follows, sent in the same event-loop task as the body's first bytes. */
    private Mono<Void> pendingHeaders;

    private volatile boolean cancelled;

    /** Whether the last bytes went out unawaited, their write completing the handler once done. */
    private volatile boolean endingUnawaited;

    private boolean finished;

    private NettyResponseOutput(ServerHttpResponse response, HttpServerResponse nativeResponse, ContextView context,
            BufferedBytes buffered, Duration timeout, Sinks.Empty<Void> done, boolean head) {
        this.response = response;
        this.nativeResponse = nativeResponse;
        Channel[] connection = new Channel[1];
        nativeResponse.withConnection(c -> connection[0] = c.channel());
        this.channel = connection[0];
        this.context = context;
        this.buffered = buffered;
        this.timeout = timeout;
        this.done = done;
        this.head = head;
    }

    /**
     * Return the output for a response that Reactor Netty serves, or {@code null} for any other server. Only call
     * when Reactor Netty is on the class path.
     */
    static NettyResponseOutput of(ServerHttpResponse response, ContextView context, BufferedBytes buffered,
            Duration timeout, Sinks.Empty<Void> done, boolean head) {
        try {
            if (ServerHttpResponseDecorator.getNativeResponse(response) instanceof HttpServerResponse netty) {
                return new NettyResponseOutput(response, netty, context, buffered, timeout, done, head);
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
                    if (keepsHttp10Connection(status, headers)) {
                        // An HTTP/1.0 response keeps the connection only when it says so, as Tomcat's does. Set
                        // as a header: keepAlive(true) would see the HTTP/1.1 response Reactor Netty downgrades later.
                        nativeResponse.header(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                    }
                }
            }))
            .then(Mono.defer(() -> nativeResponse.sendHeaders().then()))
            .contextWrite(context);
        bodyRemaining = ResponseLength.of(head, status, headers);
        if (bodyRemaining == 0) {
            Await.completion(completingHandler(commit), timeout, "take the response headers");
        }
        else {
            // The engine sends headers only once body bytes are at hand (docs/SPEC.md §6): waiting for the event
            // loop to write them, then again for the bytes, would cost the application's thread a second hand-off.
            pendingHeaders = commit;
        }
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        if (bodyRemaining > 0 && length >= bodyRemaining && length <= UNAWAITED_LAST_CHUNK) {
            sendLastUnawaited(Unpooled.copiedBuffer(data, offset, length));
            return;
        }
        buffered.add(length);
        try {
            send(Unpooled.wrappedBuffer(data, offset, length), length, "take the response body");
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
        send(new OpenFileRegion(file, position, count), count, "take the file");
        return count;
    }

    @Override
    public void complete() throws IOException {
        if (pendingHeaders != null) {
            // A chunked body that ended without bytes: its headers still go out, then the empty last chunk.
            Mono<Void> commit = pendingHeaders;
            pendingHeaders = null;
            Await.completion(commit, timeout, "take the response headers");
        }
        // Every byte already reached the socket: a client that has closed since has the whole response, which is
        // no failure. Let the server end the response now rather than after the body's close() and the hooks, so
        // that a client closing right after the last byte is not taken for one that went away.
        finished = true;
        if (!endingUnawaited) {
            finishOnEventLoop();
        }
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
    public void disconnect() {
        // Queued on the event loop before anything the interrupted thread writes after, so that nothing follows it;
        // decided there, so that last bytes handed over meanwhile are not cut off behind the close.
        try {
            channel.eventLoop().execute(() -> {
                if (!ended()) {
                    channel.close();
                }
            });
        }
        catch (RejectedExecutionException ex) {
            channel.close();
        }
    }

    @Override
    public void fail(Throwable error) {
        finished = true;
        onEventLoop(() -> done.tryEmitError(error));
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

    @Override
    public boolean ended() {
        // Last bytes handed to the event loop end the response there: nothing is left for a shutdown to interrupt.
        return endingUnawaited || ResponseOutput.ended(done);
    }

    /** Complete the handler on the event loop, where Spring and Reactor Netty expect it; a second call does nothing. */
    private void finishOnEventLoop() {
        onEventLoop(done::tryEmitEmpty);
    }

    /** End the handler on the event loop, or here once the loop shut down. */
    private void onEventLoop(Runnable signal) {
        EventLoop eventLoop = channel.eventLoop();
        try {
            eventLoop.execute(signal);
        }
        catch (RejectedExecutionException ex) {
            signal.run();
        }
    }

    private void send(ReferenceCounted message, long length, String what) throws IOException {
        AtomicBoolean handedOver = new AtomicBoolean();
        try {
            checkClient();
            Mono<Void> sent = write(message, handedOver);
            boolean last = bodyRemaining > 0 && (bodyRemaining -= length) <= 0;
            Await.completion(last ? completingHandler(sent) : sent, timeout, what);
        }
        finally {
            // Netty releases what it was handed, once written or failed; only a message it never got is ours.
            if (!handedOver.get()) {
                message.release();
            }
        }
    }

    /**
     * Return the write of a message, behind the headers when they are still pending; {@code handedOver} is set once
     * Netty took the message, from when it releases it.
     */
    private Mono<Void> write(ReferenceCounted message, AtomicBoolean handedOver) {
        Mono<Void> sent = nativeResponse.sendObject(Mono.fromSupplier(() -> {
            handedOver.set(true);
            return message;
        }), FLUSH_EACH).then();
        if (pendingHeaders != null) {
            sent = pendingHeaders.then(sent);
            pendingHeaders = null;
        }
        return sent;
    }

    /**
     * Send the bytes that make the response whole, with any pending headers, without waiting for the socket: the
     * application's thread is free at once, rather than parked until the event loop wakes it (a small response
     * then costs one hand-off to the loop instead of three). The bytes are a copy, so the application may reuse its
     * array; at most one small chunk per response is held this way. The handler completes once they are written,
     * and a client gone by then closed its own connection.
     */
    private void sendLastUnawaited(ByteBuf message) throws IOException {
        AtomicBoolean handedOver = new AtomicBoolean();
        try {
            checkClient();
        }
        catch (IOException ex) {
            message.release();
            throw ex;
        }
        bodyRemaining = 0;
        endingUnawaited = true;
        // Unawaited, the write is still held to the client timeout: a client that stops taking bytes has its
        // connection closed, which fails the write and so ends the handler.
        ScheduledFuture<?> deadline = channel.eventLoop().schedule(() -> {
            channel.close();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        write(message, handedOver).doFinally(signal -> {
            deadline.cancel(false);
            if (!handedOver.get()) {
                message.release();
            }
            done.tryEmitEmpty();
        })
            .subscribeOn(Schedulers.fromExecutor(channel.eventLoop()))
            .subscribe(null, error -> logger.debug("The last bytes of a response were not written", error));
    }

    /**
     * Complete the handler in the same event-loop task that writes the response's last bytes, before the loop can
     * hear of a client that closed on reading them: a client that closes at once after a whole response would
     * otherwise win that race and be recorded as gone (outcome {@code UNKNOWN}) by Spring's metrics. Subscribed
     * on the event loop, so that the send's own end is not signalled from this thread after the bytes left.
     */
    private Mono<Void> completingHandler(Mono<Void> lastSend) {
        return lastSend.doOnSuccess(ignored -> done.tryEmitEmpty()).subscribeOn(Schedulers.fromExecutor(channel.eventLoop()));
    }

    /**
     * Tell whether an HTTP/1.0 client that asked to keep its connection may keep it: the body's end must be known
     * from its length, and neither the engine nor the server may have chosen to close.
     */
    private boolean keepsHttp10Connection(int status, List<Header> headers) {
        boolean known = ResponseLength.of(head, status, headers) >= 0;
        boolean closing = headers.stream().anyMatch(header -> header.name().equalsIgnoreCase("Connection"));
        return known && !closing && nativeResponse instanceof HttpServerRequest request && request.isKeepAlive()
                && !nativeResponse.responseHeaders().contains(HttpHeaderNames.CONNECTION, "close", true);
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
