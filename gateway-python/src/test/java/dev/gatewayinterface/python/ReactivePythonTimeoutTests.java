package dev.gatewayinterface.python;

/**
 * Run {@link PythonTimeoutTests} on WebFlux and Reactor Netty.
 */
@ReactivePythonTest
class ReactivePythonTimeoutTests extends PythonTimeoutTests {
}
