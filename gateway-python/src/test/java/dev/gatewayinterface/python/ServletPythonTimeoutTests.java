package dev.gatewayinterface.python;

/**
 * Run {@link PythonTimeoutTests} on Spring MVC.
 */
@ServletPythonTest
class ServletPythonTimeoutTests extends PythonTimeoutTests {
}
