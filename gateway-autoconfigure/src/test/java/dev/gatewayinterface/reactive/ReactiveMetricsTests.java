package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.MetricsContractTests;
import dev.gatewayinterface.testsupport.RawHttp;
import java.nio.charset.StandardCharsets;
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
    void showsTheExecutorAtTheGatewayEndpointAndItsHealth() throws Exception {
        assertThat(get("/actuator/gateway")).contains("\"executor\":{\"threads\":\"platform\",\"maxThreads\":");
        assertThat(get("/actuator/health/gateway")).contains("\"status\":\"UP\"").contains("\"rejected\":0");
    }

    private String get(String target) throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            return new String(http.readBody(http.readHead()), StandardCharsets.UTF_8);
        }
    }
}
