package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.CoexistenceContractTests;

/**
 * Check that mounted applications live beside controllers and Spring Security in one DispatcherServlet.
 */
@ServletGatewayTest
class ServletCoexistenceTests extends CoexistenceContractTests {
}
