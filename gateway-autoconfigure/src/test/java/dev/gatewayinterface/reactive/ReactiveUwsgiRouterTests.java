package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.UwsgiRouterContractTests;

/** Run uWSGI's HTTP router in front of the uwsgi listener of a WebFlux application on Reactor Netty. */
@ReactiveGatewayTest
class ReactiveUwsgiRouterTests extends UwsgiRouterContractTests {
}
