package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.RequestTimeoutContractTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Check the timeouts on Tomcat.
 */
@SpringBootTest(classes = ServletConformanceServer.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "gateway.timeouts.request-header=1s", "gateway.timeouts.request-body=1s",
                "gateway.timeouts.keep-alive=1s", "gateway.timeouts.min-body-rate=1KB" })
class ServletRequestTimeoutTests extends RequestTimeoutContractTests {
}
