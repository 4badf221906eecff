package dev.gatewayinterface.python;

/**
 * Run {@link PythonTimeoutTests} on Spring MVC with platform threads.
 */
@ServletPlatformPythonTest
class ServletPlatformPythonTimeoutTests extends PythonTimeoutTests {
}
