package dev.gatewayinterface.python;

/**
 * Run {@link PythonErrorLogTests} on WebFlux and Reactor Netty.
 */
@ReactivePythonTest
class ReactivePythonErrorLogTests extends PythonErrorLogTests {
}
