package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.ResponseContractTests;
import org.junit.jupiter.api.Test;

/**
 * Check over real HTTP how Reactor Netty sends what applications produce, and the reason phrase, which only this
 * stack can pass on.
 */
@ReactiveGatewayTest
class ReactiveResponseTests extends ResponseContractTests {

    @Test
    void sendsTheReasonPhraseTheApplicationGave() throws Exception {
        assertThat(get("/fixed").head().statusLine()).isEqualTo("HTTP/1.1 200 OK");
    }
}
