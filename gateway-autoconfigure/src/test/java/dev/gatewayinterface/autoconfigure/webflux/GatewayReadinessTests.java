package dev.gatewayinterface.autoconfigure.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatewayinterface.autoconfigure.actuate.GatewayExecutorHealthIndicator;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Check that {@link GatewayReadiness} takes the application out of traffic while the executor refuses requests
 * and back once it has refused none for the hold time, leaving liveness and the health root alone.
 */
class GatewayReadinessTests {

    private static final Duration HOLD = Duration.ofMillis(200);

    private final AtomicBoolean full = new AtomicBoolean();

    private final Executor executor = task -> {
        if (full.get()) {
            throw new RejectedExecutionException("full");
        }
        task.run();
    };

    private final GatewayExecutorMonitor monitor = new GatewayExecutorMonitor(executor, false);

    private final GenericApplicationContext context = new GenericApplicationContext();

    private GatewayReadiness readiness;

    private ApplicationAvailability availability;

    @BeforeEach
    void startTheApplication() {
        context.registerBean(ApplicationAvailabilityBean.class);
        context.refresh();
        availability = context.getBean(ApplicationAvailability.class);
        readiness = new GatewayReadiness(monitor, HOLD, context, availability);
        context.addApplicationListener(readiness);
        AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @AfterEach
    void stopTheApplication() {
        context.close();
    }

    @Test
    void refusesTrafficWhileSaturatedAndAcceptsItAgainAfterTheHoldTime() {
        full.set(true);
        refuseOneRequest();
        readiness.check();
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
        assertThat(new GatewayExecutorHealthIndicator(monitor, HOLD).health().getStatus()).isEqualTo(Status.UP);
        full.set(false);
        monitor.execute(() -> {
        });
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            readiness.check();
            return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        });
        assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
    }

    @Test
    void staysAcceptingWhileTheExecutorTakesRequests() {
        monitor.execute(() -> {
        });
        readiness.check();
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void neverTakesBackAReadinessSomeoneElseChanged() {
        full.set(true);
        refuseOneRequest();
        readiness.check();
        // The context closes: Spring Boot refuses traffic for good.
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        full.set(false);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !monitor.rejectedWithin(HOLD));
        readiness.check();
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
    }

    private void refuseOneRequest() {
        assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> monitor.execute(() -> {
        }));
    }
}
