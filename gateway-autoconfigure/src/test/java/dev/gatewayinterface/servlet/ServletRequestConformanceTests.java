package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.RequestConformanceContractTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Run the raw-socket conformance cases on Tomcat.
 */
@SpringBootTest(classes = ServletConformanceServer.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ServletRequestConformanceTests extends RequestConformanceContractTests {

    @Override
    protected String stack() {
        return "tomcat";
    }
}
