package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.RequestTimeoutContractTests;
import dev.gatewayinterface.testsupport.WithoutSecurity;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Check the timeouts on Reactor Netty.
 */
@SpringBootTest(classes = ReactiveConformanceServer.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive", WithoutSecurity.EXCLUDED,
                "gateway.timeouts.request-header=1s", "gateway.timeouts.request-body=1s",
                "gateway.timeouts.keep-alive=1s", "gateway.timeouts.min-body-rate=1KB" })
class ReactiveRequestTimeoutTests extends RequestTimeoutContractTests {
}
