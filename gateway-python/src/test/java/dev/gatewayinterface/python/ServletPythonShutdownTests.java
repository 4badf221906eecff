package dev.gatewayinterface.python;

/**
 * Run {@link PythonShutdownTests} on Spring MVC with virtual threads.
 */
class ServletPythonShutdownTests extends PythonShutdownTests {

    @Override
    String[] stack() {
        return new String[] { "spring.main.web-application-type=servlet", "spring.threads.virtual.enabled=true" };
    }
}
