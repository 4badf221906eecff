package dev.gatewayinterface.reactive;

import static io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL;

import dev.gatewayinterface.engine.Refusal;
import dev.gatewayinterface.engine.RequestTargets;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpRequestDecoderSpec;

/**
 * Hold every request Reactor Netty decodes to the rules of docs/SPEC.md §14 before Spring or any handler sees it,
 * on the event loop, from what the decoder already parsed: never parsing HTTP a second time.
 *
 * <p>It answers what the decoder refused with the status Tomcat gives (414 for a long request line, 431 for long
 * headers, 505 for a version it cannot serve, else 400) and a one-line body; refuses a version token not spelt
 * exactly {@code HTTP/1.1} or {@code HTTP/1.0} (the decoder upper-cases it, but returns its shared instance only
 * for the exact spelling), more header lines than allowed (431), {@code CONNECT} (501) and a target outside the
 * forms and chars of {@link RequestTargets} (400), as Tomcat does for every request; answers {@code OPTIONS *}
 * itself; and closes
 * a connection whose client took longer than the request-header timeout to send a request's head once it began.
 * A refused connection closes after the answer, and nothing read behind the refused request is answered: a
 * refusal behind a response still in progress waits for it, as pipelining demands.
 */
public final class NettyRequestGuard extends ChannelDuplexHandler {

    /** The guard's name in the pipeline, right behind Reactor Netty's HTTP codec. */
    public static final String NAME = "gateway.requestGuard";

    /** The name of the guard's byte tap, right before the codec. */
    public static final String TAP_NAME = "gateway.requestBytes";

    /** How Netty's decoder starts the message of a version it cannot parse, which it then quotes in upper case. */
    private static final String INVALID_VERSION = "invalid version format: ";

    private final int maxRequestLine;

    private final int maxHeaderSize;

    private final int maxHeaderCount;

    private final Duration headerTimeout;

    /** Requests passed on whose final response was not written yet. */
    private int inFlight;

    /** Whether a request passed on still has content to come. */
    private boolean inBody;

    /** Whether the content that follows belongs to a request the guard answered itself, and is dropped. */
    private boolean swallowing;

    /** Whether the connection closes once the pending answers are out: everything read from now on is dropped. */
    private boolean closing;

    /** Whether the response being written ends the connection. */
    private boolean closeAfterResponse;

    /** Answers the guard owes, held until the responses before them are written. */
    private final Queue<FullHttpResponse> pending = new ArrayDeque<>();

    private ScheduledFuture<?> headerTimer;

    private NettyRequestGuard(int maxRequestLine, int maxHeaderSize, int maxHeaderCount, Duration headerTimeout) {
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderSize = maxHeaderSize;
        this.maxHeaderCount = maxHeaderCount;
        this.headerTimeout = headerTimeout;
    }

    /**
     * Put a guard around the HTTP/1.1 codec of a new connection, first putting a codec of the given configuration in
     * place of Reactor Netty's, one that also refuses the chunk-size lines Tomcat refuses; a connection without that
     * codec (HTTP/2, h2c) is left alone.
     * @param channel the connection, its pipeline just set up by Reactor Netty
     * @param decoder the configuration of the codec to use instead, or {@code null} to keep Reactor Netty's
     * @param maxRequestLine the decoder's request-line limit, named in a 414
     * @param maxHeaderSize the decoder's header limit, named in a 431
     * @param maxHeaderCount the most header lines of a request
     * @param headerTimeout the longest time from a request's first byte to the end of its head
     */
    public static void install(Channel channel, HttpDecoderConfig decoder, int maxRequestLine, int maxHeaderSize,
            int maxHeaderCount, Duration headerTimeout) {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(NettyPipeline.HttpCodec) == null || pipeline.get(NAME) != null) {
            return;
        }
        if (decoder != null) {
            AlignedHttpCodec.replace(pipeline, decoder);
        }
        NettyRequestGuard guard = new NettyRequestGuard(maxRequestLine, maxHeaderSize, maxHeaderCount, headerTimeout);
        pipeline.addBefore(NettyPipeline.HttpCodec, TAP_NAME, new ByteTap(guard));
        pipeline.addAfter(NettyPipeline.HttpCodec, NAME, guard);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            cancelHeaderTimer();
            Refusal refusal = check(request);
            if (refusal != null) {
                ReferenceCountUtil.release(msg);
                refuse(ctx, refusal);
                return;
            }
            if (request.method().equals(HttpMethod.OPTIONS) && "*".equals(request.uri())) {
                swallowing = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                answer(ctx, allowMethods(), !HttpUtil.isKeepAlive(request));
                return;
            }
            inFlight++;
            inBody = !(msg instanceof LastHttpContent);
        }
        else if (msg instanceof HttpContent content) {
            if (swallowing) {
                swallowing = !(msg instanceof LastHttpContent);
                boolean broken = content.decoderResult().isFailure();
                ReferenceCountUtil.release(msg);
                if (broken) {
                    // The decoder reads nothing more on this connection: close it once the answer is out.
                    closing = true;
                    if (inFlight == 0 && pending.isEmpty()) {
                        ctx.close();
                    }
                    return;
                }
                // Reactor Netty reads on demand, and no handler behind saw this request to ask for the next one.
                ctx.read();
                return;
            }
            inBody = !(msg instanceof LastHttpContent);
            plainFailure(content);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean interim = msg instanceof HttpResponse response && response.status().codeClass() == INFORMATIONAL;
        if (msg instanceof HttpResponse response && !interim && !HttpUtil.isKeepAlive(response)) {
            // The server closes once this response is out: no request read behind it may be answered.
            closeAfterResponse = true;
        }
        ctx.write(msg, promise);
        if (msg instanceof LastHttpContent && !interim && inFlight > 0) {
            inFlight--;
            if (closeAfterResponse) {
                closing = true;
                release();
            }
            else if (inFlight == 0) {
                flushPending(ctx);
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        release();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        release();
    }

    /** Start the header clock when a request begins to arrive on an idle connection. */
    private void bytesArrived(ChannelHandlerContext ctx) {
        if (inFlight == 0 && !inBody && headerTimer == null && !closing) {
            headerTimer = ctx.executor().schedule(() -> {
                headerTimer = null;
                // A slow client's partial head gets no answer: like nginx, the connection just closes.
                closing = true;
                ctx.close();
            }, headerTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private Refusal check(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            return decodingFailure(result.cause());
        }
        HttpVersion version = request.protocolVersion();
        if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
            return version.majorVersion() == 1 && (version.minorVersion() == 0 || version.minorVersion() == 1)
                    ? new Refusal(400, "Bad Request", "the version must be spelt " + version.text()
                            + ", in upper case (RFC 9112 §2.3)")
                    : new Refusal(505, "HTTP Version Not Supported", "the version " + version.text()
                            + " is not HTTP/1.0 or HTTP/1.1 (RFC 9112 §2.3)");
        }
        if (version == HttpVersion.HTTP_1_0 && request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            // Netty's decoder refuses it only under its own RFC 9112 rules, which the aligned decoder turns off.
            return new Refusal(400, "Bad Request", "an HTTP/1.0 request has no Transfer-Encoding (RFC 9112 §6.1)");
        }
        int headers = request.headers().size();
        if (headers > maxHeaderCount) {
            return new Refusal(431, "Request Header Fields Too Large", "the request has " + headers
                    + " header lines, more than the " + maxHeaderCount
                    + " gateway.limits.max-header-count allows (RFC 6585 §5)");
        }
        if (request.method().equals(HttpMethod.CONNECT)) {
            return new Refusal(501, "Not Implemented", "CONNECT asks for a tunnel, which this server does not make "
                    + "(RFC 9110 §9.3.6)");
        }
        Refusal target = RequestTargets.check(request.method().name(), request.uri());
        if (target != null) {
            return target;
        }
        List<String> hosts = new ArrayList<>();
        request.headers().getAll(HttpHeaderNames.HOST).forEach(host -> hosts.add(host.strip()));
        return RequestTargets.checkHosts(hosts, version.text(), request.uri());
    }

    /** Answer what the decoder refused with the status Tomcat gives the same bytes. */
    private Refusal decodingFailure(Throwable cause) {
        if (cause instanceof io.netty.handler.codec.http.TooLongHttpLineException) {
            return new Refusal(414, "URI Too Long", "the request line is longer than the " + maxRequestLine
                    + " bytes gateway.limits.max-request-line allows (RFC 9112 §3)");
        }
        if (cause instanceof io.netty.handler.codec.http.TooLongHttpHeaderException) {
            return new Refusal(431, "Request Header Fields Too Large", "the header lines are longer than the "
                    + maxHeaderSize + " bytes gateway.limits.max-header-size allows (RFC 6585 §5)");
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof IllegalArgumentException && message.startsWith(INVALID_VERSION)
                && message.substring(INVALID_VERSION.length()).chars().allMatch(NettyRequestGuard::isVersionChar)) {
            // Tomcat answers a version of version chars it does not know 505, and any other version token 400.
            return new Refusal(505, "HTTP Version Not Supported", "the version "
                    + message.substring(INVALID_VERSION.length()) + " is not HTTP/1.0 or HTTP/1.1 (RFC 9112 §2.3)");
        }
        return new Refusal(400, "Bad Request", "the request line or a header line is malformed: "
                + printable(message) + " (RFC 9112 §2.2)");
    }

    /**
     * Return the decoder configuration Reactor Netty builds from a decoder spec, but reading as Tomcat does the bytes
     * RFC 9112 lets a server read either way (docs/SPEC.md §14.5): a bare LF ends a line of the head (§2.2), and
     * {@code Content-Length} beside {@code Transfer-Encoding: chunked} is dropped, the body read chunked and the
     * connection closed after the response (§6.3), where Netty's defaults answer both 400.
     * @param spec the server's request decoder spec
     * @return the configuration
     */
    public static HttpDecoderConfig alignedWithTomcat(HttpRequestDecoderSpec spec) {
        return new HttpDecoderConfig().setMaxInitialLineLength(spec.maxInitialLineLength())
            .setMaxHeaderSize(spec.maxHeaderSize())
            .setMaxChunkSize(spec.maxChunkSize())
            .setValidateHeaders(spec.validateHeaders())
            .setInitialBufferSize(spec.initialBufferSize())
            .setAllowDuplicateContentLengths(spec.allowDuplicateContentLengths())
            .setAllowPartialChunks(spec.allowPartialChunks())
            .setStrictLineParsing(false)
            .setUseRfc9112TransferEncoding(false);
    }

    /** Tell whether a char may be part of an HTTP version as Tomcat reads one: the letters of HTTP, '/', '.', digits. */
    private static boolean isVersionChar(int c) {
        return c == 'H' || c == 'T' || c == 'P' || c == '/' || c == '.' || (c >= '0' && c <= '9');
    }

    /**
     * Make a failed chunk-size line or trailer of a request already passed on read as malformed (400) rather than as
     * a request line or headers too long (414, 431), which is how Reactor Netty reads the decoder's exception.
     */
    private static void plainFailure(HttpContent content) {
        DecoderResult result = content.decoderResult();
        if (result.isFailure() && result.cause() instanceof TooLongFrameException tooLong) {
            // No cause: Reactor Netty picks its status from the cause chain, and 414 or 431 would name the wrong part.
            content.setDecoderResult(DecoderResult.failure(new DecoderException(
                    "a chunk-size line or the trailer lines are too long (RFC 9112 §7.1): " + tooLong.getMessage())));
        }
    }

    private void refuse(ChannelHandlerContext ctx, Refusal refusal) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                new HttpResponseStatus(refusal.status(), refusal.reason()), Unpooled.wrappedBuffer(refusal.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, Refusal.CONTENT_TYPE);
        answer(ctx, response, true);
    }

    private static FullHttpResponse allowMethods() {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD, POST, PUT, DELETE, OPTIONS");
        return response;
    }

    /** Send an answer of the guard's own once the responses before it are out, closing after it if asked. */
    private void answer(ChannelHandlerContext ctx, FullHttpResponse response, boolean close) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            closing = true;
            cancelHeaderTimer();
        }
        pending.add(response);
        if (inFlight == 0) {
            flushPending(ctx);
        }
    }

    private void flushPending(ChannelHandlerContext ctx) {
        FullHttpResponse response;
        while ((response = pending.poll()) != null) {
            boolean last = pending.isEmpty();
            if (last && closing) {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
            else {
                ctx.writeAndFlush(response);
            }
        }
    }

    private void cancelHeaderTimer() {
        if (headerTimer != null) {
            headerTimer.cancel(false);
            headerTimer = null;
        }
    }

    private void release() {
        cancelHeaderTimer();
        FullHttpResponse response;
        while ((response = pending.poll()) != null) {
            response.release();
        }
    }

    /** Keep a refusal's body to one printable line of reasonable length, whatever the decoder's message held. */
    private static String printable(String message) {
        StringBuilder out = new StringBuilder(Math.min(message.length(), 120));
        for (int i = 0; i < message.length() && out.length() < 120; i++) {
            char c = message.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    /**
     * Tell the guard that bytes arrived, before the codec decodes them: a request's head that arrives slowly is
     * visible only there. It reads no byte.
     */
    private static final class ByteTap extends ChannelInboundHandlerAdapter {

        private final NettyRequestGuard guard;

        private ChannelHandlerContext guardContext;

        ByteTap(NettyRequestGuard guard) {
            this.guard = guard;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (guardContext == null) {
                guardContext = ctx.pipeline().context(guard);
            }
            if (guardContext != null) {
                guard.bytesArrived(guardContext);
            }
            ctx.fireChannelRead(msg);
        }
    }
}
