package dev.gatewayinterface.python;

/**
 * Run {@link PythonRespawnTests} on WebFlux and Reactor Netty.
 */
@ReactivePythonTest
class ReactivePythonRespawnTests extends PythonRespawnTests {
}
