package dev.gatewayinterface.python;

/**
 * Run {@link DjangoApplicationTests} on Spring MVC.
 */
@ServletPythonTest
class ServletDjangoApplicationTests extends DjangoApplicationTests {
}
