package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.MetricsContractTests;
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
        assertThat(bodyOf("/actuator/gateway")).contains("\"executor\":{\"threads\":\"platform\",\"maxThreads\":");
        assertThat(bodyOf("/actuator/health/gateway")).contains("\"status\":\"UP\"").contains("\"rejected\":0");
    }
}
