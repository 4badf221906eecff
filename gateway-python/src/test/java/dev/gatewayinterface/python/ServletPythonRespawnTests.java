package dev.gatewayinterface.python;

/**
 * Run {@link PythonRespawnTests} on Spring MVC.
 */
@ServletPythonTest
class ServletPythonRespawnTests extends PythonRespawnTests {
}
