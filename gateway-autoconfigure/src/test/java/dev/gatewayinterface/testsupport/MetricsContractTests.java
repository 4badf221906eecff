package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Check over real HTTP that requests to mounted applications show up in actuator: the gateway's meters,
 * Spring's own http.server.requests, Prometheus text and the gateway endpoint. Each stack runs it through a
 * subclass carrying its own Spring Boot test annotation.
 */
public abstract class MetricsContractTests {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MeterRegistry registry;

    @Autowired
    protected Probes probes;

    /**
     * Return the stack the subclass runs on, as the gateway endpoint names it.
     * @return {@code "servlet"} or {@code "reactive"}
     */
    protected abstract String stack();

    @BeforeEach
    void resetProbes() {
        probes.reset();
    }

    @Test
    void timesASuccessfulRequestWithItsTagsAndSizes() throws Exception {
        long before = count("gateway.requests", "app", "fixed", "status", "200");
        assertThat(get("/fixed")).isEqualTo("hello\n");
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> count("gateway.requests", "app", "fixed", "status", "200") == before + 1);
        Timer timer = registry.get("gateway.requests").tags("app", "fixed", "method", "GET", "status", "200",
                "outcome", "SUCCESS", "exception", "none").timer();
        assertThat(timer.count()).isGreaterThan(0);
        assertThat(registry.get("gateway.response.size").tags("app", "fixed").summary().totalAmount())
            .isGreaterThanOrEqualTo(6);
        assertThat(registry.get("gateway.response.first.byte").tags("app", "fixed").timer().count()).isGreaterThan(0);
        assertThat(registry.get("gateway.requests.active").tags("app", "fixed").longTaskTimer()).isNotNull();
    }

    @Test
    void tagsAFailingApplicationsRequestWithItsException() throws Exception {
        get("/fail");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("gateway.requests", "app", "failing",
                "status", "500", "outcome", "SERVER_ERROR", "exception", "IllegalStateException") > 0);
    }

    @Test
    void tagsSpringsOwnHttpServerRequestsWithTheMountPatternAndTheException() throws Exception {
        long unknownBefore = count("http.server.requests", "uri", "UNKNOWN");
        get("/fail/anything");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("http.server.requests", "uri", "/fail/**",
                "exception", "IllegalStateException", "status", "500") > 0);
        get("/fixed/some/path");
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> count("http.server.requests", "uri", "/fixed/**", "status", "200") > 0);
        assertThat(count("http.server.requests", "uri", "UNKNOWN")).isEqualTo(unknownBefore);
    }

    @Test
    void countsAClientThatWentAway() throws Exception {
        double before = registry.find("gateway.client.aborts").tags("app", "endless").counter() == null ? 0
                : registry.get("gateway.client.aborts").tags("app", "endless").counter().count();
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /endless HTTP/1.1\r\nHost: localhost\r\n\r\n");
            http.readHead();
            http.readChunk();
        }
        assertThat(probes.awaitClosed()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> registry.find("gateway.client.aborts")
            .tags("app", "endless").counter() != null
                && registry.get("gateway.client.aborts").tags("app", "endless").counter().count() > before);
        assertThat(count("gateway.requests", "app", "endless", "outcome", "CLIENT_ABORTED")).isGreaterThan(0);
    }

    @Test
    void showsTheGatewayMetersInPrometheusText() throws Exception {
        get("/fixed");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> get("/actuator/prometheus")
            .contains("gateway_requests_seconds_count{app=\"fixed\",error=\"none\",exception=\"none\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\"}"));
        String text = get("/actuator/prometheus");
        assertThat(text).contains("gateway_response_size_bytes_count{app=\"fixed\"}")
            .contains("gateway_request_size_bytes_count{app=\"fixed\"}")
            .contains("gateway_response_first_byte_seconds_count{app=\"fixed\"}")
            .contains("gateway_requests_active_seconds_count{app=\"fixed\",method=\"GET\"}");
    }

    @Test
    void describesEveryMountAtTheGatewayEndpoint() throws Exception {
        get("/fixed");
        String json = get("/actuator/gateway");
        assertThat(json).contains("\"stack\":\"" + stack() + "\"")
            .contains("\"name\":\"fixed\"")
            .contains("\"path\":\"/fixed\"")
            .contains("\"pattern\":\"/fixed/**\"")
            .contains("\"validated\":false")
            .containsPattern("\"name\":\"fixed\".*?\"requests\":\\{\"total\":[1-9]");
    }

    private long count(String name, String... tags) {
        return registry.find(name).tags(tags).timers().stream().mapToLong(Timer::count).sum();
    }

    private String get(String target) throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            return new String(http.readBody(http.readHead()), StandardCharsets.UTF_8);
        }
    }
}
