package dev.gatewayinterface.python;

/**
 * Run {@link DjangoApplicationTests} on WebFlux and Reactor Netty.
 */
@ReactivePythonTest
class ReactiveDjangoApplicationTests extends DjangoApplicationTests {
}
