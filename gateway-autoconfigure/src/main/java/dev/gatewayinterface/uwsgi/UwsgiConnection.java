package dev.gatewayinterface.uwsgi;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.channel.socket.DuplexChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serve one uwsgi connection on its event loop: read the packet's header and vars, refuse bad input with a log line
 * and a close, hand the request to an application's thread, feed it the body on demand, and close the connection
 * once the response is sent (docs/SPEC.md §17). uwsgi carries one request per connection.
 */
final class UwsgiConnection extends ChannelInboundHandlerAdapter {

    private static final Logger logger = LoggerFactory.getLogger(UwsgiListener.class);

    private enum State {
        HEADER, VARS, SERVING, CLOSING, CLOSED
    }

    private final UwsgiListener listener;

    private final CompletableFuture<Void> done = new CompletableFuture<>();

    /** The packet's bytes until its vars are whole: at most the header, the vars and one read past them. */
    private ByteBuf packet;

    private int varsSize;

    private volatile State state = State.HEADER;

    private UwsgiBody body;

    /** The connection's timer: the request timeout until the packet came, then the linger after the response. */
    private ScheduledFuture<?> requestTimeout;

    private ChannelHandlerContext context;

    /** Whether the proxy ended its side of the connection: reading on would fail. */
    private boolean inputShutdown;

    /** Whether an application's thread serves the request now. */
    private volatile boolean running;

    UwsgiConnection(UwsgiListener listener) {
        this.listener = listener;
    }

    /** Complete once the connection closed and no application serves it any more. */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Tell whether an application serves this connection's request now. */
    boolean serving() {
        return running;
    }

    /** Close the connection now, whatever it is doing: the listener stops. */
    void close() {
        if (context != null) {
            context.channel().close();
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        packet = ctx.alloc().buffer(256);
        listener.statistics().connectionOpened();
        requestTimeout = ctx.executor().schedule(() -> timedOut(ctx), listener.settings().requestTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf bytes = (ByteBuf) message;
        switch (state) {
            case SERVING -> body.offer(bytes);
            case HEADER, VARS -> {
                packet.writeBytes(bytes);
                bytes.release();
                try {
                    readPacket(ctx);
                }
                catch (UwsgiProtocolException ex) {
                    refuse(ctx, ex);
                }
            }
            default -> {
                // Whatever the proxy sends after the response is read only so that the close stays clean.
                bytes.release();
                readMore(ctx);
            }
        }
    }

    private void readPacket(ChannelHandlerContext ctx) throws UwsgiProtocolException {
        if (state == State.HEADER && packet.readableBytes() >= UwsgiCodec.HEADER_SIZE) {
            byte[] header = new byte[UwsgiCodec.HEADER_SIZE];
            packet.readBytes(header);
            varsSize = UwsgiCodec.varsSize(header, listener.settings().bufferSize());
            state = State.VARS;
        }
        if (state == State.VARS && packet.readableBytes() >= varsSize) {
            byte[] block = new byte[varsSize];
            packet.readBytes(block);
            UwsgiRequest request = UwsgiRequest.of(UwsgiCodec.vars(block));
            requestTimeout.cancel(false);
            dispatch(ctx, request);
            return;
        }
        readMore(ctx);
    }

    private void dispatch(ChannelHandlerContext ctx, UwsgiRequest request) {
        UwsgiRouter.Route route = listener.router().route(request.rawPath());
        if (route == null) {
            answer(ctx, request, UwsgiStatistics.Refusal.NO_MOUNT, "404 Not Found", "no application is mounted at "
                    + quote(request.rawPrefix() + request.rawPath()));
            return;
        }
        long limit = listener.settings().maxBodySize();
        if (limit >= 0 && request.contentLength() > limit) {
            answer(ctx, request, UwsgiStatistics.Refusal.BODY_TOO_LARGE, "413 Content Too Large", "the body of "
                    + request.contentLength() + " bytes is larger than gateway.uwsgi.max-body-size (" + limit + " bytes)");
            return;
        }
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
        ClientFacts facts = listener.trust().resolve(peer, request.stated(local), request.connection(peer, local),
                request.vars());
        body = new UwsgiBody(() -> ctx.executor().execute(() -> readMore(ctx)), request, limit, listener.settings().clientTimeout(), this::truncated);
        if (packet.isReadable()) {
            body.offer(packet.readRetainedSlice(packet.readableBytes()));
        }
        packet.release();
        packet = null;
        UwsgiExchange exchange = new UwsgiExchange(request, facts, request.rawPrefix() + route.rawMountPath(),
                route.rawPathInfo(), body, new UwsgiOutput(ctx.channel(), listener.settings().clientTimeout(),
                        request.method().equals("HEAD")),
                () -> ctx.executor().execute(() -> requestEnded(ctx)));
        state = State.SERVING;
        running = true;
        listener.statistics().requestStarted();
        try {
            listener.executor().execute(() -> {
                try {
                    route.gateway().handle(exchange);
                }
                finally {
                    listener.statistics().requestEnded();
                    exchange.end();
                }
            });
        }
        catch (RejectedExecutionException ex) {
            running = false;
            listener.statistics().requestEnded();
            body.dispose();
            logger.debug("No thread free for a uwsgi request; answering 503", ex);
            answer(ctx, request, UwsgiStatistics.Refusal.SATURATED, "503 Service Unavailable", null);
        }
    }

    /** Read the socket once more for the body, unless the proxy already ended its side or the connection closed. */
    private void readMore(ChannelHandlerContext ctx) {
        if (!inputShutdown && ctx.channel().isActive()) {
            ctx.read();
        }
    }

    /** Answer a request the listener refuses itself, without an application, and close. */
    private void answer(ChannelHandlerContext ctx, UwsgiRequest request, UwsgiStatistics.Refusal refusal, String status,
            String reason) {
        listener.statistics().refuse(refusal);
        requestTimeout.cancel(false);
        String text = reason == null ? status + "\n" : status + ": " + reason + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        String retry = refusal == UwsgiStatistics.Refusal.SATURATED ? "Retry-After: " + listener.retryAfterSeconds()
                + "\r\n" : "";
        String head = "HTTP/1.1 " + status + "\r\n" + retry + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        if (packet != null) {
            packet.release();
            packet = null;
        }
        state = State.VARS;
        // Shutting the output down fails what is still unwritten: end the connection only once the answer is out.
        // A HEAD answer says how long the body would be, and sends none (docs/SPEC.md §6.4).
        byte[] body = "HEAD".equals(request.method()) ? new byte[0] : bytes;
        ctx.writeAndFlush(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.ISO_8859_1), body))
            .addListener(written -> finish(ctx));
    }

    /**
     * End the connection after its response: stop sending, then read and drop what the proxy still sends until it
     * closes, so that unread body bytes never turn the close into a reset that could cut the response short.
     */
    private void finish(ChannelHandlerContext ctx) {
        if (state == State.CLOSING || state == State.CLOSED) {
            return;
        }
        state = State.CLOSING;
        if (!ctx.channel().isActive()) {
            return;
        }
        if (!inputShutdown && ctx.channel() instanceof DuplexChannel duplex && !duplex.isOutputShutdown()) {
            duplex.shutdownOutput();
            // Kept where channelInactive cancels it: a timer left behind would hold the closed connection, its
            // pipeline and buffers for the whole timeout, thousands of them under load, each one more for the GC.
            requestTimeout = ctx.executor().schedule(() -> ctx.channel().close(),
                    listener.settings().requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
            ctx.read();
        }
        else {
            ctx.channel().close();
        }
    }

    private void truncated(UwsgiProtocolException ex) {
        listener.statistics().fault(ex.fault());
        logger.warn("The uwsgi request from {} ended early: {} ({})", context.channel().remoteAddress(), ex.getMessage(),
                ex.fault().tag());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            inputShutdown = true;
            inputEnded(ctx, true);
        }
        else if (!(event instanceof ChannelInputShutdownReadComplete)) {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        inputEnded(ctx, false);
        state = State.CLOSED;
        if (requestTimeout != null) {
            requestTimeout.cancel(false);
        }
        if (packet != null) {
            packet.release();
            packet = null;
        }
        listener.statistics().connectionClosed();
        if (!running) {
            done.complete(null);
        }
        ctx.fireChannelInactive();
    }

    /** Learn that the proxy sent all it will: the end of a body, or a packet cut short. */
    private void inputEnded(ChannelHandlerContext ctx, boolean halfClosed) {
        switch (state) {
            case HEADER, VARS -> {
                if (packet != null && packet.isReadable() || state == State.VARS) {
                    refuse(ctx, truncation());
                }
                else {
                    // A connection that sent nothing at all (a port check, a proxy giving up) is no bad input.
                    ctx.channel().close();
                }
            }
            case SERVING -> body.end();
            case CLOSING -> {
                if (halfClosed) {
                    ctx.channel().close();
                }
            }
            default -> {
            }
        }
    }

    /** Learn on the event loop that the application's thread is done: the response is sent or aborted. */
    private void requestEnded(ChannelHandlerContext ctx) {
        running = false;
        if (state == State.CLOSED) {
            done.complete(null);
        }
        else {
            finish(ctx);
        }
    }

    private UwsgiProtocolException truncation() {
        if (state == State.HEADER) {
            return new UwsgiProtocolException(UwsgiFault.TRUNCATED_HEADER, "the connection ended after "
                    + packet.readableBytes() + " of the packet header's " + UwsgiCodec.HEADER_SIZE + " bytes");
        }
        return new UwsgiProtocolException(UwsgiFault.TRUNCATED_VARS, "the connection ended after "
                + (packet == null ? 0 : packet.readableBytes()) + " of the vars block's " + varsSize + " bytes");
    }

    private void timedOut(ChannelHandlerContext ctx) {
        if (state != State.HEADER && state != State.VARS) {
            return;
        }
        if (state == State.HEADER && !packet.isReadable()) {
            logger.debug("Closed an idle uwsgi connection from {}: no packet within gateway.uwsgi.request-timeout",
                    ctx.channel().remoteAddress());
            ctx.channel().close();
            return;
        }
        UwsgiProtocolException late = truncation();
        refuse(ctx, new UwsgiProtocolException(late.fault(), late.getMessage().replace("the connection ended",
                "gateway.uwsgi.request-timeout (" + listener.settings().requestTimeout() + ") passed")));
    }

    private void refuse(ChannelHandlerContext ctx, UwsgiProtocolException ex) {
        listener.statistics().fault(ex.fault());
        log(ex);
        state = State.CLOSED;
        if (requestTimeout != null) {
            requestTimeout.cancel(false);
        }
        ctx.channel().close();
    }

    private void log(UwsgiProtocolException ex) {
        logger.warn("Closed the uwsgi connection from {}: {} ({})", context.channel().remoteAddress(), ex.getMessage(),
                ex.fault().tag());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset by the proxy, or a failure of the socket: the request's reads and writes fail with it.
        logger.debug("uwsgi connection from {} failed", ctx.channel().remoteAddress(), cause);
        ctx.channel().close();
    }

    private static String quote(String raw) {
        return UwsgiCodec.quote(raw.getBytes(StandardCharsets.ISO_8859_1));
    }
}
