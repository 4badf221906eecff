package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.NginxUwsgiContractTests;

/** Run nginx's uwsgi_pass in front of the uwsgi listener of a WebFlux application on Reactor Netty. */
@ReactiveGatewayTest
class ReactiveNginxUwsgiTests extends NginxUwsgiContractTests {
}
