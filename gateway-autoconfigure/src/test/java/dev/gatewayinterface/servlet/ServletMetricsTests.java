package dev.gatewayinterface.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.MetricsContractTests;
import org.junit.jupiter.api.Test;

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
        assertThat(bodyOf("/actuator/gateway")).contains("\"stack\":\"servlet\"").doesNotContain("\"executor\"");
    }
}
