package dev.gatewayinterface.python;

/**
 * Run {@link PythonTrustTests} on WebFlux and Reactor Netty.
 */
@ReactivePythonTest
class ReactivePythonTrustTests extends PythonTrustTests {
}
