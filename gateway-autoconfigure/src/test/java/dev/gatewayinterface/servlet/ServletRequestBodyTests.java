package dev.gatewayinterface.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.RequestBodyContractTests;
import org.junit.jupiter.api.Test;

/**
 * Check that request bodies reach mounted applications on Tomcat whole, and that a form a CSRF filter read
 * first still reaches the application: Spring Security reads the form's token through the request's parameters,
 * which reads the body, and the gateway replays the bytes it recorded meanwhile (docs/SPEC.md §10.3).
 */
@ServletGatewayTest
class ServletRequestBodyTests extends RequestBodyContractTests {

    @Test
    void replaysAFormBodyThatACsrfFilterReadFirst() throws Exception {
        String body = "_csrf=token-1&comment=hi";
        assertThat(echo("POST", "/csrf-echo", "application/x-www-form-urlencoded", body, "Cookie: XSRF-TOKEN=token-1"))
            .isEqualTo(body);
    }
}
