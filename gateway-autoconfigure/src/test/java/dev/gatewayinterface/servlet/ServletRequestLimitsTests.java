package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.RequestLimitsContractTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Check a mount's body limit on Tomcat.
 */
@SpringBootTest(classes = ServletConformanceServer.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ServletRequestLimitsTests extends RequestLimitsContractTests {
}
