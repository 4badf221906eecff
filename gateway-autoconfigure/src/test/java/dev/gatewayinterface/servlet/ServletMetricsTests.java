package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.MetricsContractTests;

/**
 * Check the gateway's meters, Spring's http.server.requests, Prometheus and the gateway endpoint on Tomcat.
 */
@ServletGatewayTest
class ServletMetricsTests extends MetricsContractTests {

    @Override
    protected String stack() {
        return "servlet";
    }
}
