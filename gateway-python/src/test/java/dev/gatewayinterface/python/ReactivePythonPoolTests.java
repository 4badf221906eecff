package dev.gatewayinterface.python;

/**
 * Run {@link PythonPoolTests} on WebFlux and Reactor Netty.
 */
@ReactivePythonTest
class ReactivePythonPoolTests extends PythonPoolTests {
}
