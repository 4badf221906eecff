package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.ConformanceTestApplications;
import dev.gatewayinterface.testsupport.RequestConformanceContractTests;
import dev.gatewayinterface.testsupport.WithoutSecurity;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * Run the raw-socket conformance cases on Reactor Netty.
 */
@SpringBootTest(classes = ReactiveRequestConformanceTests.ConformanceServer.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive", WithoutSecurity.EXCLUDED })
class ReactiveRequestConformanceTests extends RequestConformanceContractTests {

    @Override
    protected String stack() {
        return "netty";
    }

    /** Serve the conformance applications on Reactor Netty, without Spring Security. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ConformanceTestApplications.class)
    static class ConformanceServer {
    }
}
