package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.RequestConformanceContractTests;

/**
 * Run the raw-socket conformance cases on Reactor Netty.
 */
@ReactiveGatewayTest
class ReactiveRequestConformanceTests extends RequestConformanceContractTests {
}
