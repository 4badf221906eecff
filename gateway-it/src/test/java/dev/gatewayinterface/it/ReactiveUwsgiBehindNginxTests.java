package dev.gatewayinterface.it;

import org.springframework.boot.WebApplicationType;

/**
 * Check the uwsgi listener behind nginx's uwsgi_pass on WebFlux and Reactor Netty.
 */
class ReactiveUwsgiBehindNginxTests extends UwsgiBehindNginxContractTests {

    ReactiveUwsgiBehindNginxTests() {
        super(WebApplicationType.REACTIVE);
    }
}
