package dev.gatewayinterface.autoconfigure.actuate;

import dev.gatewayinterface.autoconfigure.webflux.GatewayExecutorMonitor;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Report the reactive stack's application executor: {@code OUT_OF_SERVICE} while it refuses requests (every
 * thread busy and the queue full, or a request refused recently), so that a load balancer stops sending
 * traffic to an instance that answers 503; {@code UP} otherwise.
 */
public final class GatewayExecutorHealthIndicator implements HealthIndicator {

    private final GatewayExecutorMonitor executor;

    private final Duration window;

    /**
     * Create the indicator.
     * @param executor the monitored executor
     * @param window how long after a refused request the executor still counts as refusing
     */
    public GatewayExecutorHealthIndicator(GatewayExecutorMonitor executor, Duration window) {
        this.executor = executor;
        this.window = window;
    }

    @Override
    public Health health() {
        boolean refusing = executor.saturated() || executor.rejectedWithin(window);
        return (refusing ? Health.outOfService() : Health.up()).withDetails(executor.state()).build();
    }
}
