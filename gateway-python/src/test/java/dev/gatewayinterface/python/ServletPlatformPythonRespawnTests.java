package dev.gatewayinterface.python;

/**
 * Run {@link PythonRespawnTests} on Spring MVC with platform threads.
 */
@ServletPlatformPythonTest
class ServletPlatformPythonRespawnTests extends PythonRespawnTests {
}
