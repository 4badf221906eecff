package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.HttpTckTests;

/**
 * Run the conformance suite on Spring MVC and Tomcat, over real HTTP.
 */
@ServletGatewayTest
class ServletTckTests extends HttpTckTests {
}
