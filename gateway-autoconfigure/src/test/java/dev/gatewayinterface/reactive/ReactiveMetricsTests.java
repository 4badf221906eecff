package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.MetricsContractTests;
import dev.gatewayinterface.testsupport.RawHttp;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Check the gateway's meters, Spring's http.server.requests, Prometheus and the gateway endpoint on Reactor
 * Netty, and the executor figures only this stack has.
 */
@ReactiveGatewayTest
class ReactiveMetricsTests extends MetricsContractTests {

    @Override
    protected String stack() {
        return "reactive";
    }

    @Test
    void recordsEveryFullySentResponseAsASuccessEvenWhenTheClientClosesAtOnce() throws Exception {
        Map<String, Long> before = serverRequestOutcomes();
        int requests = 1_000;
        for (int i = 0; i < requests; i++) {
            // A one-shot client, as curl is: it reads the whole response and closes at once. Every tenth asks
            // for the headers alone, whose end is the response's end.
            try (RawHttp http = new RawHttp(port)) {
                if (i % 10 == 0) {
                    http.send("HEAD /fixed/one-shot HTTP/1.1\r\nHost: localhost\r\n\r\n");
                    assertThat(http.readHead().status()).isEqualTo(200);
                }
                else {
                    http.send("GET /fixed/one-shot HTTP/1.1\r\nHost: localhost\r\n\r\n");
                    assertThat(http.readResponse().text()).isEqualTo("hello\n");
                }
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> total(serverRequestOutcomes()) >= total(before) + requests);
        Map<String, Long> recorded = serverRequestOutcomes();
        before.forEach((outcome, count) -> recorded.merge(outcome, -count, Long::sum));
        recorded.values().removeIf(count -> count == 0);
        assertThat(recorded).containsExactly(Map.entry("SUCCESS", (long) requests));
    }

    private Map<String, Long> serverRequestOutcomes() {
        return registry.find("http.server.requests").tag("uri", "/fixed/**").timers().stream()
            .collect(Collectors.groupingBy(timer -> timer.getId().getTag("outcome"), TreeMap::new,
                    Collectors.summingLong(Timer::count)));
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void showsTheExecutorAtTheGatewayEndpointAndItsHealth() throws Exception {
        assertThat(bodyOf("/actuator/gateway")).contains("\"executor\":{\"threads\":\"platform\",\"maxThreads\":");
        assertThat(bodyOf("/actuator/health/gateway")).contains("\"status\":\"UP\"").contains("\"rejected\":0");
    }
}
