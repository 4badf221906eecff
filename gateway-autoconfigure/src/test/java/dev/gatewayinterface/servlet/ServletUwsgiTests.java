package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.UwsgiContractTests;

/** Run the uwsgi listener's scenarios in a Spring MVC application, on the Tomcat test application. */
@ServletGatewayTest
class ServletUwsgiTests extends UwsgiContractTests {
}
