package dev.gatewayinterface.autoconfigure.actuate;

import dev.gatewayinterface.autoconfigure.webflux.GatewayExecutorMonitor;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Report the reactive stack's application executor: {@code UP}, with its figures and whether it refuses requests
 * now (every thread busy and the queue full, or a request refused recently). A saturated executor is no reason to
 * restart the application nor to fail the health root, often the liveness URL: it takes the application out of
 * traffic through readiness instead ({@link dev.gatewayinterface.autoconfigure.webflux.GatewayReadiness}).
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
        return Health.up().withDetails(executor.state()).withDetail("refusing", refusing).build();
    }
}
