package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatewayinterface.autoconfigure.webflux.GatewayWebFluxAutoConfiguration;
import dev.gatewayinterface.testsupport.ProbedServerTests;
import dev.gatewayinterface.testsupport.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Check over real HTTP what the bounded pool does once it is full, and that a client going away gives its thread
 * back: a pool of one thread and no queue.
 */
@SpringBootTest(classes = ReactiveTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=reactive", "gateway.reactive.max-threads=1",
        "gateway.reactive.queue-capacity=0", "gateway.reactive.retry-after=5s" })
class ReactiveThreadPoolTests extends ProbedServerTests {

    @Autowired
    @Qualifier(GatewayWebFluxAutoConfiguration.TASK_EXECUTOR_BEAN_NAME)
    ThreadPoolTaskExecutor executor;

    /**
     * Wait for the only thread to be free: the handler completes with the response's last byte, while the thread
     * still closes the body, so a request sent right after a whole response may find the one thread busy.
     */
    @BeforeEach
    void waitForTheThreadToBeFree() {
        await().atMost(Duration.ofSeconds(20)).until(() -> executor.getActiveCount() == 0);
    }

    @Test
    void answers503WithRetryAfterWhileEveryThreadIsBusy() throws Exception {
        try (RawHttp busy = new RawHttp(port)) {
            busy.send("GET /stream HTTP/1.1\r\nHost: localhost\r\n\r\n");
            busy.readHead();
            // The only thread now waits in the application, before its second chunk.
            assertThat(busy.readChunk()).asString().isEqualTo("chunk 0\n");
            try (RawHttp refused = new RawHttp(port)) {
                refused.send("GET /fixed HTTP/1.1\r\nHost: localhost\r\n\r\n");
                RawHttp.Head head = refused.readHead();
                assertThat(head.status()).isEqualTo(503);
                assertThat(head.header("retry-after")).isEqualTo("5");
                assertThat(head.header("content-type")).isEqualTo("text/plain; charset=utf-8");
                assertThat(refused.readBody(head)).asString().isEqualTo("503 Service Unavailable\n");
            }
            probes.open();
            assertThat(busy.readChunk()).asString().isEqualTo("chunk 1\n");
            assertThat(busy.readChunk()).isNull();
        }
    }

    @Test
    void givesTheThreadBackAndClosesTheBodyWhenTheClientGoesAwayMidStream() throws Exception {
        hangUpMidStream();
        assertBodyClosedOnce();
        await().atMost(Duration.ofSeconds(20)).until(() -> executor.getActiveCount() == 0);
        assertThat(statusOf("/fixed")).isEqualTo(200);
    }
}
