package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.RequestConformanceContractTests;
import dev.gatewayinterface.testsupport.WithoutSecurity;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Run the raw-socket conformance cases on Reactor Netty.
 */
@SpringBootTest(classes = ReactiveConformanceServer.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive", WithoutSecurity.EXCLUDED })
class ReactiveRequestConformanceTests extends RequestConformanceContractTests {

    @Override
    protected String stack() {
        return "netty";
    }
}
