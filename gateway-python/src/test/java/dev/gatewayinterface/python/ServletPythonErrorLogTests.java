package dev.gatewayinterface.python;

/**
 * Run {@link PythonErrorLogTests} on Spring MVC.
 */
@ServletPythonTest
class ServletPythonErrorLogTests extends PythonErrorLogTests {
}
