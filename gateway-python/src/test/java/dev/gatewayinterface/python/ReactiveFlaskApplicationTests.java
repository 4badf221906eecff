package dev.gatewayinterface.python;

/**
 * Run {@link FlaskApplicationTests} on WebFlux and Reactor Netty.
 */
@ReactivePythonTest
class ReactiveFlaskApplicationTests extends FlaskApplicationTests {
}
