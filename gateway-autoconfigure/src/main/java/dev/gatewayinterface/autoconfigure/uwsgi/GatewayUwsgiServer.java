package dev.gatewayinterface.autoconfigure.uwsgi;

import dev.gatewayinterface.autoconfigure.actuate.GatewayListener;
import dev.gatewayinterface.autoconfigure.webflux.GatewayExecutorMonitor;
import dev.gatewayinterface.uwsgi.UwsgiListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Run the uwsgi listener with the application: bind it once the context is refreshed, and stop it in the phase in
 * which Spring Boot shuts the web server down — gracefully (no new connections, requests in progress finish) unless
 * {@code server.shutdown=immediate}, within {@code spring.lifecycle.timeout-per-shutdown-phase} — closing what is
 * left when the context is destroyed.
 */
public final class GatewayUwsgiServer implements SmartLifecycle, DisposableBean, GatewayListener {

    /** Spring Boot's graceful shutdown phase of the web server, so that both stop taking requests together. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private final UwsgiListener listener;

    private final GatewayExecutorMonitor executor;

    private final String address;

    private final boolean graceful;

    private volatile boolean running;

    GatewayUwsgiServer(UwsgiListener listener, GatewayExecutorMonitor executor, String address, boolean graceful) {
        this.listener = listener;
        this.executor = executor;
        this.address = address;
        this.graceful = graceful;
    }

    /**
     * Return the port the listener is bound to, the one picked when {@code gateway.uwsgi.port} is 0.
     * @return the port
     */
    public int getPort() {
        return listener.port();
    }

    /**
     * Return the listener.
     * @return the listener, for its statistics
     */
    public UwsgiListener listener() {
        return listener;
    }

    @Override
    public void start() {
        listener.start();
        running = true;
    }

    @Override
    public void stop() {
        listener.stop();
        running = false;
    }

    @Override
    public void stop(Runnable callback) {
        if (!graceful) {
            stop();
            callback.run();
            return;
        }
        CompletableFuture<Void> drained = listener.shutDownGracefully();
        // Off the event loop that ended the last request: stopping waits for the event loops to end.
        drained.whenCompleteAsync((ignored, failure) -> {
            try {
                stop();
            }
            finally {
                callback.run();
            }
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public void destroy() {
        listener.stop();
    }

    @Override
    public String name() {
        return "uwsgi";
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("address", address);
        state.put("port", listener.isRunning() ? listener.port() : -1);
        state.putAll(listener.statistics().state());
        state.put("executor", executor.state());
        return state;
    }
}
