package dev.gatewayinterface.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatewayinterface.autoconfigure.webflux.GatewayExecutorMonitor;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Check that the executor's health turns {@code OUT_OF_SERVICE} while requests are refused.
 */
class GatewayExecutorHealthIndicatorTests {

    @Test
    void reportsUpWithTheExecutorsFiguresWhileItTakesRequests() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor();
        executor.setConcurrencyLimit(4);
        GatewayExecutorMonitor monitor = new GatewayExecutorMonitor(executor, true);
        Health health = new GatewayExecutorHealthIndicator(monitor, Duration.ofSeconds(10)).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("threads", "virtual").containsEntry("maxThreads", 4)
            .containsEntry("running", 0).containsEntry("rejected", 0L);
    }

    @Test
    void reportsTheLimitsOfAThreadPool() {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setMaxPoolSize(12);
        pool.setCorePoolSize(12);
        pool.setQueueCapacity(34);
        assertThat(new GatewayExecutorMonitor(pool, false).state()).containsEntry("threads", "platform")
            .containsEntry("maxThreads", 12).containsEntry("queueCapacity", 34);
    }

    @Test
    void judgesAnUnknownExecutorByItsRefusalsAlone() {
        GatewayExecutorMonitor monitor = new GatewayExecutorMonitor(Runnable::run, false);
        assertThat(monitor.state()).containsEntry("threads", "custom").containsEntry("maxThreads", -1);
        assertThat(new GatewayExecutorHealthIndicator(monitor, Duration.ofSeconds(10)).health().getStatus())
            .isEqualTo(Status.UP);
    }

    @Test
    void staysUpButSaysItRefusesAfterARefusedRequest() {
        Executor refusing = task -> {
            throw new RejectedExecutionException("full");
        };
        GatewayExecutorMonitor monitor = new GatewayExecutorMonitor(refusing, false);
        assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> monitor.execute(() -> { }));
        Health health = new GatewayExecutorHealthIndicator(monitor, Duration.ofSeconds(10)).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("rejected", 1L).containsEntry("refusing", true);
    }

    @Test
    void saysItRefusesWhileEveryThreadIsBusy() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor();
        executor.setConcurrencyLimit(1);
        GatewayExecutorMonitor monitor = new GatewayExecutorMonitor(executor, false);
        monitor.execute(() -> {
            running.countDown();
            await(release);
        });
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();
        GatewayExecutorHealthIndicator indicator = new GatewayExecutorHealthIndicator(monitor, Duration.ofSeconds(10));
        assertThat(indicator.health().getDetails()).containsEntry("refusing", true);
        release.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
