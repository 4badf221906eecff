package dev.gatewayinterface.reactive;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.engine.Gateway;
import dev.gatewayinterface.engine.GatewayOptions;
import dev.gatewayinterface.engine.RequestLimits;
import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Serve one application at the root of a bare Reactor Netty server through WebFlux's HTTP handler, as the
 * auto-configuration serves a mount, so that a test can use any application and reach the adapter's counters.
 */
final class NettyGatewayServer implements AutoCloseable {

    private final ThreadPoolExecutor executor;

    private final ReactiveGatewayAdapter adapter;

    private final DisposableServer server;

    private NettyGatewayServer(Gateway gateway, int maxThreads, Duration clientTimeout,
            UnaryOperator<HttpServer> customizer) {
        executor = new ThreadPoolExecutor(maxThreads, maxThreads, 1, TimeUnit.MINUTES, new SynchronousQueue<>());
        adapter = new ReactiveGatewayAdapter(gateway, executor, Duration.ofSeconds(3), clientTimeout);
        HttpHandler handler = WebHttpHandlerBuilder
            .webHandler(exchange -> adapter.handle(exchange, "",
                    exchange.getRequest().getPath().pathWithinApplication().value()))
            .build();
        server = customizer.apply(HttpServer.create().host("127.0.0.1").port(0))
            .handle(new ReactorHttpHandlerAdapter(handler))
            .bindNow();
    }

    /** Serve the application with up to four threads and a client timeout of twenty seconds. */
    static NettyGatewayServer serve(Application application) {
        return serve(application, 4, Duration.ofSeconds(20), UnaryOperator.identity());
    }

    /** Serve the application with the given threads and client timeout, on a server the customizer configures. */
    static NettyGatewayServer serve(Application application, int maxThreads, Duration clientTimeout,
            UnaryOperator<HttpServer> customizer) {
        // No body limit: the tests that serve this way move hundreds of mebibytes to see memory stay bounded.
        GatewayOptions options = GatewayOptions.defaults("test")
            .withLimits(RequestLimits.DEFAULTS.withMaxRequestBody(-1, "none"));
        return new NettyGatewayServer(new Gateway(application, options), maxThreads, clientTimeout, customizer);
    }

    /** Serve the application with the given options, with up to four threads and a client timeout of twenty seconds. */
    static NettyGatewayServer serve(Application application, GatewayOptions options) {
        return new NettyGatewayServer(new Gateway(application, options), 4, Duration.ofSeconds(20),
                UnaryOperator.identity());
    }

    int port() {
        return server.port();
    }

    ReactiveGatewayAdapter adapter() {
        return adapter;
    }

    /** Return how many application threads are busy. */
    int activeThreads() {
        return executor.getActiveCount();
    }

    @Override
    public void close() {
        server.disposeNow();
        executor.shutdownNow();
    }
}
