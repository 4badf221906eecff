package dev.gatewayinterface.python;

/**
 * Run {@link WsgiValidatorTests} on WebFlux and Reactor Netty.
 */
@ReactivePythonTest
class ReactiveWsgiValidatorTests extends WsgiValidatorTests {
}
