package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.UntrustedProxyContractTests;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check that a mount on Reactor Netty trusts no proxy by default, even where server.forward-headers-strategy=native
 * makes Reactor Netty believe forged headers from every client for Spring's own handlers.
 */
@ReactiveGatewayTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
@Import(ReactiveUntrustedNativeStrategyTests.SpringView.class)
class ReactiveUntrustedNativeStrategyTests extends UntrustedProxyContractTests {

    @Test
    void leavesSpringsOwnHandlersToReactorNettysTrust() throws Exception {
        assertThat(springView()).isEqualTo("203.0.113.9 https");
    }

    /** Show what a controller sees of the request. */
    @RestController
    static class SpringView {

        @GetMapping("/spring-view")
        String view(ServerHttpRequest request) {
            return request.getRemoteAddress().getAddress().getHostAddress() + " " + request.getURI().getScheme();
        }
    }
}
