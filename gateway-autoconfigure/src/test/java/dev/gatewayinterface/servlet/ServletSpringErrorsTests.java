package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.SpringErrorsContractTests;

/**
 * Check that applications with {@code errors=spring} have their failures answered by Spring Boot's error page on
 * Tomcat, through {@code sendError}, with no exception resolver involved.
 */
@ServletGatewayTest
class ServletSpringErrorsTests extends SpringErrorsContractTests {
}
