package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.RequestLimitsContractTests;
import dev.gatewayinterface.testsupport.WithoutSecurity;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Check a mount's body limit on Reactor Netty.
 */
@SpringBootTest(classes = ReactiveConformanceServer.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive", WithoutSecurity.EXCLUDED })
class ReactiveRequestLimitsTests extends RequestLimitsContractTests {
}
