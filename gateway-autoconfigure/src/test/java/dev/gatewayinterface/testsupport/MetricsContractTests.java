package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.observation.GatewayMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Check over real HTTP that requests to mounted applications show up in actuator: the gateway's meters,
 * Spring's own http.server.requests, Prometheus text and the gateway endpoint. Each stack runs it through a
 * subclass carrying its own Spring Boot test annotation.
 */
public abstract class MetricsContractTests extends ProbedServerTests {

    @Autowired
    protected MeterRegistry registry;

    @Autowired
    private ObservationParents parents;

    /**
     * Return the stack the subclass runs on, as the gateway endpoint names it.
     * @return {@code "servlet"} or {@code "reactive"}
     */
    protected abstract String stack();

    @Test
    void timesASuccessfulRequestWithItsTagsAndSizes() throws Exception {
        long before = count("gateway.requests", "app", "fixed", "status", "200");
        assertThat(bodyOf("/fixed")).isEqualTo("hello\n");
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
        bodyOf("/fail");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("gateway.requests", "app", "failing",
                "status", "500", "outcome", "SERVER_ERROR", "exception", "IllegalStateException") > 0);
    }

    @Test
    void tagsSpringsOwnHttpServerRequestsWithTheMountPatternAndTheException() throws Exception {
        long unknownBefore = count("http.server.requests", "uri", "UNKNOWN");
        bodyOf("/fail/anything");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("http.server.requests", "uri", "/fail/**",
                "exception", "IllegalStateException", "status", "500") > 0);
        bodyOf("/fixed/some/path");
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> count("http.server.requests", "uri", "/fixed/**", "status", "200") > 0);
        assertThat(count("http.server.requests", "uri", "UNKNOWN")).isEqualTo(unknownBefore);
    }

    @Test
    void countsAClientThatWentAway() throws Exception {
        double before = registry.find("gateway.client.aborts").tags("app", "endless").counter() == null ? 0
                : registry.get("gateway.client.aborts").tags("app", "endless").counter().count();
        hangUpMidStream();
        assertThat(probes.awaitClosed()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> registry.find("gateway.client.aborts")
            .tags("app", "endless").counter() != null
                && registry.get("gateway.client.aborts").tags("app", "endless").counter().count() > before);
        assertThat(count("gateway.requests", "app", "endless", "outcome", "CLIENT_ABORTED")).isGreaterThan(0);
    }

    @Test
    void showsTheGatewayMetersInPrometheusText() throws Exception {
        bodyOf("/fixed");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> bodyOf("/actuator/prometheus")
            .contains("gateway_requests_seconds_count{app=\"fixed\",error=\"none\",exception=\"none\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\"}"));
        String text = bodyOf("/actuator/prometheus");
        assertThat(text).contains("gateway_response_size_bytes_count{app=\"fixed\"}")
            .contains("gateway_request_size_bytes_count{app=\"fixed\"}")
            .contains("gateway_response_first_byte_seconds_count{app=\"fixed\"}")
            .contains("gateway_requests_active_seconds_count{app=\"fixed\",method=\"GET\"}");
    }

    @Test
    void describesEveryMountAtTheGatewayEndpoint() throws Exception {
        bodyOf("/fixed");
        String json = bodyOf("/actuator/gateway");
        assertThat(json).contains("\"stack\":\"" + stack() + "\"")
            .contains("\"name\":\"fixed\"")
            .contains("\"path\":\"/fixed\"")
            .contains("\"pattern\":\"/fixed/**\"")
            .contains("\"validated\":false")
            .containsPattern("\"name\":\"fixed\".*?\"requests\":\\{\"total\":[1-9]");
    }

    @Test
    void carriesExactlyTheDocumentedTagsOnEveryRecordedMeter() throws Exception {
        bodyOf("/fixed");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("gateway.requests", "app", "fixed") > 0);
        for (GatewayMetrics meter : GatewayMetrics.values()) {
            for (Meter recorded : registry.find(meter.getName()).meters()) {
                assertThat(recorded.getId().getTags()).as(meter.getName())
                    .extracting(Tag::getKey)
                    .containsExactlyInAnyOrderElementsOf(meter.getTags());
            }
        }
        assertThat(registry.find(GatewayMetrics.REQUESTS.getName()).meters()).isNotEmpty();
    }

    @Test
    void opensTheGatewayObservationInsideTheServersWhileTheApplicationRuns() throws Exception {
        assertThat(bodyOf("/observed")).isEqualTo("gateway.requests");
        // A child of http.server.requests, directly or below Spring Security's own observation of the request.
        assertThat(parents.byApplication.get("observed")).contains("http.server.requests");
    }

    private long count(String name, String... tags) {
        return registry.find(name).tags(tags).timers().stream().mapToLong(Timer::count).sum();
    }

    /**
     * Return the body of a GET, whatever its status: the requests here are made for the figures they leave.
     * @param target the request target
     * @return the body
     * @throws IOException if the connection fails
     */
    protected String bodyOf(String target) throws IOException {
        return get(target).text();
    }
}
