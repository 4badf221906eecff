package dev.gatewayinterface.autoconfigure.webflux;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Take the application out of traffic the Spring Boot way while the reactive executor refuses requests: publish
 * {@link ReadinessState#REFUSING_TRAFFIC} once it refuses, and {@link ReadinessState#ACCEPTING_TRAFFIC} again once
 * it has refused none for the hold time, so that one refused request does not make readiness flap
 * (docs/METRICS.md). Readiness that someone else changed is theirs: this never overrides it.
 */
public final class GatewayReadiness implements SmartLifecycle, ApplicationListener<AvailabilityChangeEvent<?>> {

    private final GatewayExecutorMonitor executor;

    private final Duration hold;

    private final ApplicationEventPublisher publisher;

    private final ApplicationAvailability availability;

    private ScheduledExecutorService ticker;

    /** Whether the readiness refusing traffic now is the one this published. */
    private boolean refusing;

    /**
     * Create the publisher.
     * @param executor the monitored executor
     * @param hold how long after the last refused request readiness still refuses traffic
     * @param publisher where availability changes go
     * @param availability the application's current availability
     */
    public GatewayReadiness(GatewayExecutorMonitor executor, Duration hold, ApplicationEventPublisher publisher,
            ApplicationAvailability availability) {
        this.executor = executor;
        this.hold = hold;
        this.publisher = publisher;
        this.availability = availability;
    }

    /** Look at the executor and change readiness if its state calls for it; run each second. */
    synchronized void check() {
        boolean saturated = executor.saturated() || executor.rejectedWithin(hold);
        if (saturated && !refusing && availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            publish(ReadinessState.REFUSING_TRAFFIC);
            refusing = true;
        }
        else if (!saturated && refusing) {
            refusing = false;
            publish(ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    @Override
    public synchronized void onApplicationEvent(AvailabilityChangeEvent<?> event) {
        if (event.getSource() != this && event.getState() instanceof ReadinessState) {
            // Someone else decided readiness (a shutdown, the application itself): leave it to them.
            refusing = false;
        }
    }

    private void publish(ReadinessState state) {
        AvailabilityChangeEvent.publish(publisher, this, state);
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gateway-readiness");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }
}
