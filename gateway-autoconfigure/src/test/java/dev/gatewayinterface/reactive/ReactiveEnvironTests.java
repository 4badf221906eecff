package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.EnvironContractTests;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ServerWebExchange;

/**
 * Check the environ an application sees when Reactor Netty serves it, request bytes sent by hand, and that the
 * application runs off the event loop, which only this stack has.
 */
@ReactiveGatewayTest
class ReactiveEnvironTests extends EnvironContractTests {

    ReactiveEnvironTests() {
        super(ReactiveGatewayAdapter.SERVER_EXCHANGE, ServerWebExchange.class);
    }

    @Test
    void runsTheApplicationOnAGatewayThreadAndNeverOnTheEventLoop() throws Exception {
        assertThat(pathInfoOf("/env")).isEmpty();
        assertThat(probes.thread.get().getName()).startsWith("gateway-");
    }
}
