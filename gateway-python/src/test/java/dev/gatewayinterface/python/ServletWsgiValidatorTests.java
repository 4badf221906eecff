package dev.gatewayinterface.python;

/**
 * Run {@link WsgiValidatorTests} on Spring MVC.
 */
@ServletPythonTest
class ServletWsgiValidatorTests extends WsgiValidatorTests {
}
