package dev.gatewayinterface.uwsgi;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpServer;

/**
 * Serve mounted applications over the uwsgi protocol, for a proxy such as nginx's {@code uwsgi_pass} (docs/SPEC.md
 * §17, docs/DEPLOYMENT.md): a Reactor Netty TCP server on event loops of its own, which reads each connection's packet,
 * hands the request to the same engine the HTTP bindings use on a thread of the given executor, never on an event
 * loop, and answers 503 when the executor refuses it.
 */
public final class UwsgiListener {

    private static final Logger logger = LoggerFactory.getLogger(UwsgiListener.class);

    /** The most bytes one read of the socket takes: the bound on what a connection holds at once. */
    private static final int MAX_READ = 64 * 1024;

    private final UwsgiRouter router;

    private final Executor executor;

    private final UwsgiSettings settings;

    private final UwsgiTrustPolicy trust;

    private final UwsgiStatistics statistics = new UwsgiStatistics();

    private final String retryAfterSeconds;

    private final Set<UwsgiConnection> connections = ConcurrentHashMap.newKeySet();

    private LoopResources loops;

    private DisposableServer server;

    /**
     * Create a listener; {@link #start()} binds it.
     * @param router finds the application of each request's path
     * @param executor runs each request's application; when it refuses one, the proxy gets 503
     * @param settings the address, port, limits and timeouts
     * @param trust decides what the environ takes of the proxy's vars
     */
    public UwsgiListener(UwsgiRouter router, Executor executor, UwsgiSettings settings, UwsgiTrustPolicy trust) {
        this.router = Objects.requireNonNull(router, "router must not be null");
        this.executor = Objects.requireNonNull(executor, "executor must not be null");
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.trust = Objects.requireNonNull(trust, "trust must not be null");
        this.retryAfterSeconds = Long.toString(settings.retryAfter().plusNanos(999_999_999).getSeconds());
    }

    /**
     * Bind the listener and start serving.
     * @throws IllegalStateException if it already runs
     */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("the uwsgi listener already runs on port " + port());
        }
        loops = LoopResources.create("gateway-uwsgi", Math.max(2, Runtime.getRuntime().availableProcessors()), true);
        server = TcpServer.create()
            .host(settings.address())
            .port(settings.port())
            .runOn(loops)
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.RECVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(64, 1024, MAX_READ)
                .maxMessagesPerRead(1))
            .handle((inbound, outbound) -> {
                UwsgiConnection connection = new UwsgiConnection(this);
                connections.add(connection);
                inbound.withConnection(c -> c.addHandlerLast("gateway.uwsgi", connection));
                return Mono.fromFuture(connection.done()).doFinally(signal -> connections.remove(connection));
            })
            .bindNow(Duration.ofSeconds(30));
        logger.info("Serving uwsgi on {}:{}", settings.address(), port());
    }

    /**
     * Return the port the listener is bound to.
     * @return the port, the one picked when the settings asked for 0
     * @throws IllegalStateException if it does not run
     */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the uwsgi listener does not run");
        }
        return server.port();
    }

    /**
     * Tell whether the listener is bound.
     * @return {@code true} between {@link #start()} and {@link #stop()}
     */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Stop taking connections, close those that carry no request yet, and return when every request in progress
     * ended; the caller bounds the wait. Connections still open are closed by {@link #stop()}.
     * @return completes when no application serves a request any more
     */
    public synchronized CompletableFuture<Void> shutDownGracefully() {
        if (server == null) {
            return CompletableFuture.completedFuture(null);
        }
        server.disposeNow(Duration.ofSeconds(10));
        List<CompletableFuture<Void>> serving = connections.stream().filter(connection -> {
            if (!connection.serving()) {
                connection.close();
                return false;
            }
            return true;
        }).map(UwsgiConnection::done).toList();
        if (!serving.isEmpty()) {
            logger.info("Waiting for {} uwsgi request(s) in progress to end", serving.size());
        }
        return CompletableFuture.allOf(serving.toArray(CompletableFuture[]::new));
    }

    /** Stop at once: close every connection, whatever it does, and release the event loops. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.disposeNow(Duration.ofSeconds(10));
        connections.forEach(UwsgiConnection::close);
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(10)).block(Duration.ofSeconds(15));
        server = null;
        loops = null;
        logger.info("Stopped serving uwsgi");
    }

    /**
     * Return the listener's counts.
     * @return the statistics
     */
    public UwsgiStatistics statistics() {
        return statistics;
    }

    UwsgiRouter router() {
        return router;
    }

    Executor executor() {
        return executor;
    }

    UwsgiSettings settings() {
        return settings;
    }

    UwsgiTrustPolicy trust() {
        return trust;
    }

    String retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
