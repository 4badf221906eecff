package dev.gatewayinterface.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.mount.BlockedRequest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Check that the shutdown lifecycle aborts the requests still in flight after the web server stopped, and lets
 * the context go on closing once they ended, or at its timeout.
 */
@ExtendWith(OutputCaptureExtension.class)
class GatewayShutdownTests {

    private static final long LIMIT_SECONDS = 20;

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseRequests() {
        release.countDown();
    }

    @Test
    void stopsAfterTheWebServerStopped() {
        // Phases stop from the highest: the graceful drain first, then the web server, then this.
        assertThat(new GatewayShutdown(Duration.ofSeconds(30)).getPhase())
            .isLessThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE)
            .isLessThan(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE);
    }

    @Test
    void letsTheContextGoOnAtOnceWhenNothingIsInFlight(CapturedOutput output) {
        GatewayShutdown shutdown = started(Duration.ofSeconds(30));
        CountDownLatch stopped = new CountDownLatch(1);
        shutdown.stop(stopped::countDown);
        assertThat(stopped.getCount()).isZero();
        assertThat(shutdown.isRunning()).isFalse();
        assertThat(output).doesNotContain("Aborting");
    }

    @Test
    void abortsARequestStillInFlightAndLetsTheContextGoOnOnceItEnded(CapturedOutput output) throws Exception {
        GatewayShutdown shutdown = started(Duration.ofSeconds(30));
        BlockedRequest request = serve(shutdown, false);
        CountDownLatch stopped = new CountDownLatch(1);
        shutdown.stop(stopped::countDown);
        assertThat(request.awaitEnd()).isTrue();
        assertThat(request.interrupted()).isTrue();
        assertThat(stopped.await(LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("Aborting 1 request(s) still running after the web server stopped: slow GET /");
    }

    @Test
    void letsRequestsRunAgainWhenTheContextStartsAgain() throws Exception {
        GatewayShutdown shutdown = started(Duration.ofSeconds(30));
        shutdown.stop(() -> {
        });
        shutdown.start();
        BlockedRequest request = serve(shutdown, false);
        release.countDown();
        assertThat(request.awaitEnd()).isTrue();
        assertThat(request.interrupted()).isFalse();
    }

    @Test
    void letsTheContextGoOnAtTheTimeoutWhenARequestDoesNotEnd(CapturedOutput output) throws Exception {
        GatewayShutdown shutdown = started(Duration.ofMillis(1));
        serve(shutdown, false);
        // This request's response ended: it is closing its body, which is never interrupted.
        serve(shutdown, true);
        CountDownLatch stopped = new CountDownLatch(1);
        shutdown.stop(stopped::countDown);
        assertThat(stopped.await(LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("1 request(s) still ran PT0.001S after they were aborted");
    }

    private static GatewayShutdown started(Duration timeout) {
        GatewayShutdown shutdown = new GatewayShutdown(timeout);
        shutdown.start();
        assertThat(shutdown.isRunning()).isTrue();
        return shutdown;
    }

    /** Serve a request of the application {@code slow} that waits for the release. */
    private BlockedRequest serve(GatewayShutdown shutdown, boolean responded) throws InterruptedException {
        return BlockedRequest.start(shutdown.requests().observer("slow"), new StubExchange("GET"), responded,
                release);
    }
}
