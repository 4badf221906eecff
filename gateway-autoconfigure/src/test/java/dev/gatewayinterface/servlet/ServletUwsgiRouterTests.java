package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.UwsgiRouterContractTests;

/** Run uWSGI's HTTP router in front of the uwsgi listener of a Spring MVC application on Tomcat. */
@ServletGatewayTest
class ServletUwsgiRouterTests extends UwsgiRouterContractTests {
}
