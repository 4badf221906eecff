package dev.gatewayinterface.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.UntrustedProxyContractTests;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check that a mount on Tomcat trusts no proxy by default, even where server.forward-headers-strategy=native makes
 * Tomcat's RemoteIpValve believe forged headers from any loopback or private address for Spring's own handlers.
 */
@ServletGatewayTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
@Import(ServletUntrustedNativeStrategyTests.SpringView.class)
class ServletUntrustedNativeStrategyTests extends UntrustedProxyContractTests {

    @Test
    void leavesSpringsOwnHandlersToTomcatsTrust() throws Exception {
        assertThat(springView()).isEqualTo("203.0.113.9 https");
    }

    /** Show what a controller sees of the request. */
    @RestController
    static class SpringView {

        @GetMapping("/spring-view")
        String view(HttpServletRequest request) {
            return request.getRemoteAddr() + " " + request.getScheme();
        }
    }
}
