package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.HttpTckTests;

/**
 * Run the conformance suite on WebFlux and Reactor Netty, over real HTTP.
 */
@ReactiveGatewayTest
class ReactiveTckTests extends HttpTckTests {
}
