package dev.gatewayinterface.python;

/**
 * Run {@link PythonPoolTests} on Spring MVC with platform threads.
 */
@ServletPlatformPythonTest
class ServletPlatformPythonPoolTests extends PythonPoolTests {
}
