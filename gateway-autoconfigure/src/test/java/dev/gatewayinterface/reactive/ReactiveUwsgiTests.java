package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.UwsgiContractTests;

/** Run the uwsgi listener's scenarios in a WebFlux application, on the Reactor Netty test application. */
@ReactiveGatewayTest
class ReactiveUwsgiTests extends UwsgiContractTests {
}
