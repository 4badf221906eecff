package dev.gatewayinterface.python;

/**
 * Run {@link PythonShutdownTests} on WebFlux and Reactor Netty.
 */
class ReactivePythonShutdownTests extends PythonShutdownTests {

    @Override
    String[] stack() {
        return new String[] { "spring.main.web-application-type=reactive" };
    }
}
