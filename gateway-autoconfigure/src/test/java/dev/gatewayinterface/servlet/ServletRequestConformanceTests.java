package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.ConformanceTestApplications;
import dev.gatewayinterface.testsupport.RequestConformanceContractTests;
import dev.gatewayinterface.testsupport.UnsecuredServletApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * Run the raw-socket conformance cases on Tomcat.
 */
@SpringBootTest(classes = ServletRequestConformanceTests.ConformanceServer.class,
        webEnvironment = WebEnvironment.RANDOM_PORT)
class ServletRequestConformanceTests extends RequestConformanceContractTests {

    @Override
    protected String stack() {
        return "tomcat";
    }

    /** Serve the conformance applications on Tomcat, without Spring Security. */
    @UnsecuredServletApplication
    @Import(ConformanceTestApplications.class)
    static class ConformanceServer {
    }
}
