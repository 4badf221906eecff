package dev.gatewayinterface.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatewayinterface.autoconfigure.GatewayShutdown;
import dev.gatewayinterface.mount.Mount;
import dev.gatewayinterface.mount.Mounts;
import dev.gatewayinterface.soak.SoakClient.Kind;
import dev.gatewayinterface.soak.SoakClient.Tally;
import dev.gatewayinterface.testsupport.WithoutSecurity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.util.ResourceLeakDetector;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drive a stack with twenty thousand mixed requests — kept-alive and not, uploads, downloads, clients that reset
 * their connection mid-body, failing applications, all behind the contract validator — and check what is left
 * afterwards: no thread still in gateway code and no more threads than the pools hold, no Netty buffer leaked
 * (the detector at PARANOID), no more open files than before, every body made closed exactly once, and meters
 * that count exactly the requests sent. It runs in a JVM of its own (the surefire execution {@code soak}).
 */
@Tag("soak")
@SpringBootTest(classes = SoakTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        // Logging levels are read before @PropertySource files: the soak checks what is left behind, not logs, and
        // a thousand stack traces of the failing application would only slow it down.
        properties = { "logging.level.dev.gatewayinterface.engine.Gateway=off", WithoutSecurity.EXCLUDED })
abstract class SoakContractTests {

    private static final Logger LOGGER = LoggerFactory.getLogger(SoakContractTests.class);

    private static final int REQUESTS = 20_000;

    private static final int WARM_UP = 700;

    private static final int CLIENT_THREADS = 16;

    /** Open files the JVM may add on its own meanwhile (a jar opened by a late class load); a leak adds hundreds. */
    private static final int FILE_SLACK = 10;

    /** Threads the pools may add after the warm-up: a pool grows up to its size, never beyond. */
    private static final int THREAD_SLACK = 40;

    private static final Duration SETTLE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Autowired
    SoakApplications.Bodies bodies;

    @Autowired
    GatewayShutdown shutdown;

    @Autowired
    Mounts mounts;

    @Test
    void servesTwentyThousandMixedRequestsAndLeavesNothingBehind() throws Exception {
        assertThat(ResourceLeakDetector.getLevel()).as("-Dio.netty.leakDetection.level")
            .isEqualTo(ResourceLeakDetector.Level.PARANOID);
        SoakClient client = new SoakClient(port, CLIENT_THREADS);
        try (LeakReports leaks = LeakReports.catching()) {
            Tally warmUp = client.run(SoakClient.plan(WARM_UP));
            awaitQuiet();
            int files = ProcessResources.openFileDescriptors();
            int threads = liveThreads();

            long start = System.nanoTime();
            Tally soak = client.run(SoakClient.plan(REQUESTS));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            LOGGER.info("Soak on {}: {} requests in {} s, {}", getClass().getSimpleName(), soak.total(), seconds,
                    soak.byKind());
            assertThat(soak.failures).as("requests not answered as expected").isEmpty();
            assertThat(soak.total()).isEqualTo(REQUESTS);

            awaitQuiet();
            assertThat(ProcessResources.threadsInGatewayCode()).isEmpty();
            assertThat(liveThreads()).isLessThanOrEqualTo(threads + THREAD_SLACK);
            assertThat(ProcessResources.openFileDescriptors()).isLessThanOrEqualTo(files + FILE_SLACK);
            assertThat(bodies.made.get()).isEqualTo(bodies.closed.get());
            assertThat(bodies.closedTwice).hasValue(0);
            assertMetersCount(warmUp.plus(soak));
            assertThat(leaks.collect()).as("Netty's leak reports").isEmpty();

            // The detector was watching: a buffer leaked on purpose is reported.
            LeakReports.leakOne();
            await().atMost(SETTLE).until(() -> !leaks.collect().isEmpty());
        }
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Wait until no request runs and no connection to the server holds a socket any more. */
    private void awaitQuiet() {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(50)).until(() -> shutdown.requests().count() == 0
                && ProcessResources.connectionsOf(port).isEmpty()
                && mounts.all().stream().mapToLong(mount -> mount.statistics().active()).sum() == 0);
    }

    private void assertMetersCount(Tally sent) {
        // The last meters are recorded after each body was closed, which may follow the response.
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(requests("hello")).isEqualTo(sent.sent(Kind.HELLO) + sent.sent(Kind.HELLO_CLOSE));
            assertThat(requests("echo")).isEqualTo(sent.sent(Kind.ECHO));
            assertThat(requests("stream")).isEqualTo(sent.sent(Kind.STREAM));
            assertThat(requests("boom")).isEqualTo(sent.sent(Kind.BOOM));
            assertThat(requests("large")).isEqualTo(sent.sent(Kind.LARGE_ABORTED));
            assertThat(requests("upload")).isEqualTo(sent.sent(Kind.UPLOAD_ABORTED));
        });
        assertThat(requests("hello", "outcome", "SUCCESS")).isEqualTo(requests("hello"));
        assertThat(requests("boom", "status", "500", "outcome", "SERVER_ERROR", "exception", "IllegalStateException"))
            .isEqualTo(sent.sent(Kind.BOOM));
        assertThat(requests("upload", "outcome", "SUCCESS")).isZero();
        assertThat(requests("large", "outcome", "CLIENT_ABORTED")).isEqualTo(sent.sent(Kind.LARGE_ABORTED));
        assertThat(clientAborts("large")).isEqualTo(sent.sent(Kind.LARGE_ABORTED));
        assertThat(bytes("gateway.request.size", "echo")).isEqualTo(sent.sent(Kind.ECHO) * SoakClient.ECHO_SIZE);
        assertThat(bytes("gateway.response.size", "echo")).isEqualTo(sent.sent(Kind.ECHO) * SoakClient.ECHO_SIZE);
        assertThat(bytes("gateway.response.size", "stream"))
            .isEqualTo(sent.sent(Kind.STREAM) * SoakApplications.STREAM_SIZE);
        assertThat(registry.find("gateway.contract.violations").counters()).as("contract violations")
            .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(registry.find("gateway.requests.active").longTaskTimers()).extracting(LongTaskTimer::activeTasks)
            .containsOnly(0);
        List<Mount> all = mounts.all();
        assertThat(all.stream().mapToLong(mount -> mount.statistics().total()).sum()).isEqualTo(sent.total());
    }

    private long requests(String app, String... tags) {
        return registry.find("gateway.requests").tag("app", app).tags(tags).timers().stream()
            .mapToLong(Timer::count).sum();
    }

    private long clientAborts(String app) {
        return (long) registry.find("gateway.client.aborts").tag("app", app).counters().stream()
            .mapToDouble(Counter::count).sum();
    }

    private long bytes(String summary, String app) {
        return (long) registry.find(summary).tag("app", app).summaries().stream()
            .mapToDouble(DistributionSummary::totalAmount).sum();
    }
}
