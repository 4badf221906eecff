package dev.gatewayinterface.it;

import org.springframework.boot.WebApplicationType;

/**
 * Check the gateway behind nginx on WebFlux and Reactor Netty.
 */
class ReactiveBehindNginxTests extends BehindNginxContractTests {

    ReactiveBehindNginxTests() {
        super(WebApplicationType.REACTIVE);
    }
}
