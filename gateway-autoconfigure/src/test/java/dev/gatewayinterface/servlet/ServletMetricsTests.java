package dev.gatewayinterface.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.MetricsContractTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Check the gateway's meters, Spring's http.server.requests, Prometheus and the gateway endpoint on Tomcat, where
 * applications run on Tomcat's own threads and the endpoint shows no executor.
 */
@ServletGatewayTest
class ServletMetricsTests extends MetricsContractTests {

    @Override
    protected String stack() {
        return "servlet";
    }

    @Test
    void showsNoExecutorSectionAtTheGatewayEndpoint() throws Exception {
        JsonNode gateway = JsonMapper.shared().readTree(bodyOf("/actuator/gateway"));
        assertThat(gateway.get("stack").asString()).isEqualTo("servlet");
        // The uwsgi listener, on in these tests, has an executor of its own: it is described under "listeners".
        assertThat(gateway.propertyNames()).containsExactly("stack", "mounts", "listeners");
    }
}
