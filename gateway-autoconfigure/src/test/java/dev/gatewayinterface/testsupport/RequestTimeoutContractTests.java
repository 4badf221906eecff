package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Check the timeouts over real HTTP, the same on every stack (docs/SPEC.md §14), with the one-second timeouts and the
 * 1 KiB-a-second minimum body rate each subclass's Spring Boot test sets, so that the
 * tests stay short and deadlines generous: a client that dribbles its request head or its body is cut, although
 * each byte comes well within the timeout; an idle kept-alive connection is closed; an application waiting on a
 * stalled upload gets an IOException naming the timeout, its body is still closed, and the client gets 408. The
 * clients below pace their bytes on a clock, as the slow clients they stand for do; nothing waits on a clock to
 * learn what the server did.
 */
public abstract class RequestTimeoutContractTests extends ServerTests {

    /** Far beyond every timeout, for a loaded machine: a server that has not cut the client by then never will. */
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @Autowired
    private UploadProbe upload;

    private final ScheduledExecutorService client = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void forgetThePreviousUpload() {
        upload.reset();
    }

    @AfterEach
    void stopTheClient() {
        client.shutdownNow();
    }

    @Test
    void closesTheConnectionOfAClientThatDribblesItsHead() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /conformance HTTP/1.1\r\nHost: localhost\r\n");
            AtomicInteger lines = dribble(http, "X-Slow: 1\r\n", 200);
            long start = System.nanoTime();
            assertThat(http.serverClosed()).as("closed without an answer").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE);
            assertThat(lines.get()).as("header lines the client got to send, each within the timeout").isGreaterThan(3);
        }
    }

    @Test
    void closesAKeptAliveConnectionLeftIdle() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /conformance HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(http.readResponse().status()).isEqualTo(200);
            long start = System.nanoTime();
            assertThat(http.serverClosed()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE);
        }
    }

    @Test
    void givesAnApplicationWaitingOnAStalledUploadAnIOExceptionNamingTheTimeout() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n" + "x".repeat(10));
            assertThat(http.readResponse().status()).isEqualTo(408);
            assertThat(http.serverClosed()).isTrue();
        }
        await().atMost(DEADLINE).until(() -> upload.closes() == 1);
        assertThat(upload.failure()).hasMessageContaining("gateway.timeouts.request-body");
    }

    @Test
    void cutsAClientThatDribblesItsBody() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n");
            AtomicInteger bytes = dribble(http, "x", 100);
            assertThat(http.readResponse().status()).isEqualTo(408);
            assertThat(bytes.get()).as("bytes the client got to send, each within the timeout").isLessThan(1000);
        }
        await().atMost(DEADLINE).until(() -> upload.closes() == 1);
        assertThat(upload.failure()).hasMessageContaining("gateway.timeouts.min-body-rate");
    }

    /** Send the text every so many milliseconds until the connection fails; return how many times it went. */
    private AtomicInteger dribble(RawHttp http, String text, long millis) {
        AtomicInteger sent = new AtomicInteger();
        client.scheduleAtFixedRate(() -> {
            try {
                http.send(text);
                sent.incrementAndGet();
            }
            catch (IOException ex) {
                throw new IllegalStateException("the server closed the connection", ex);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return sent;
    }
}
