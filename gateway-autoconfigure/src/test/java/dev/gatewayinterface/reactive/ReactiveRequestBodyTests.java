package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.RawHttp;
import dev.gatewayinterface.testsupport.RequestBodyContractTests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * Check that request bodies reach mounted applications on Reactor Netty whole, and what becomes of a form that a
 * CSRF check read first: WebFlux consumes the body to read the form's token and keeps no copy, so the
 * application's read must fail rather than find an empty body.
 */
@ReactiveGatewayTest
class ReactiveRequestBodyTests extends RequestBodyContractTests {

    @Test
    void failsTheReadOfAFormBodyThatTheCsrfCheckConsumedInsteadOfPassingItEmpty(CapturedOutput output)
            throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send(request("POST", "/csrf-echo", "application/x-www-form-urlencoded", "_csrf=token-1&comment=hi",
                    "Cookie: XSRF-TOKEN=token-1"));
            assertThat(http.readHead().status()).isEqualTo(500);
        }
        assertThat(output).contains("the client ended the request body after 0 of its 24 bytes");
    }
}
