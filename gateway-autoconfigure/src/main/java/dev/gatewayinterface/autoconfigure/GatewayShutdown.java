package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.mount.InFlightRequests;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Abort the mounted applications' requests still running once the web server has stopped, and wait for them to
 * end, so that every body is closed before the application context goes on closing (docs/SERVING.md, Shutdown).
 *
 * <p>With {@code server.shutdown=graceful} the server has let requests finish for up to
 * {@code spring.lifecycle.timeout-per-shutdown-phase} and then closed the connections; with {@code immediate} it
 * closed them at once. A request blocked on its connection has failed then, but an application that waits for
 * something else (a lock, a slow query, a sleep) would run on, its body never closed before the JVM exits: on
 * virtual threads nothing interrupts it, and on WebFlux the executor is shut down later without waiting for it.
 * This lifecycle interrupts each such request's thread and waits up to the same timeout for the requests to end.
 */
public final class GatewayShutdown implements SmartLifecycle {

    /** The phase in which requests are aborted: right after the one in which Spring Boot stops the web server. */
    public static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1024;

    private static final Logger logger = LoggerFactory.getLogger(GatewayShutdown.class);

    private final InFlightRequests requests = new InFlightRequests();

    private final Duration timeout;

    private volatile boolean running;

    /**
     * Create the lifecycle.
     * @param timeout how long aborted requests may take to end: {@code spring.lifecycle.timeout-per-shutdown-phase}
     */
    public GatewayShutdown(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Return the requests in flight, which every mount's gateway registers.
     * @return the registry
     */
    public InFlightRequests requests() {
        return requests;
    }

    /** Return how long aborted requests may take to end. */
    Duration timeout() {
        return timeout;
    }

    @Override
    public void start() {
        // A context stopped and started again (a checkpoint and restore) serves requests again.
        requests.resume();
        running = true;
    }

    @Override
    public void stop() {
        stop(() -> {
        });
    }

    @Override
    public void stop(Runnable callback) {
        running = false;
        List<String> aborted = requests.abort();
        if (aborted.isEmpty()) {
            callback.run();
            return;
        }
        logger.warn("Aborting {} request(s) still running after the web server stopped: {}", aborted.size(),
                String.join(", ", aborted));
        Thread waiter = new Thread(() -> awaitAborted(callback), "gateway-shutdown");
        waiter.setDaemon(true);
        waiter.start();
    }

    private void awaitAborted(Runnable callback) {
        try {
            if (!requests.awaitNone(timeout)) {
                logger.warn("{} request(s) still ran {} after they were aborted; their bodies may never be closed",
                        requests.count(), timeout);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            callback.run();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
