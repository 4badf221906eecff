package dev.gatewayinterface.python;

/**
 * Run {@link FlaskApplicationTests} on Spring MVC.
 */
@ServletPythonTest
class ServletFlaskApplicationTests extends FlaskApplicationTests {
}
