package dev.gatewayinterface.python;

/**
 * Run {@link PythonPoolTests} on Spring MVC.
 */
@ServletPythonTest
class ServletPythonPoolTests extends PythonPoolTests {
}
