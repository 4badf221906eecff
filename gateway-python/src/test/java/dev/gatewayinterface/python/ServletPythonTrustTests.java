package dev.gatewayinterface.python;

/**
 * Run {@link PythonTrustTests} on Spring MVC.
 */
@ServletPythonTest
class ServletPythonTrustTests extends PythonTrustTests {
}
