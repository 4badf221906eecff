package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.NginxUwsgiContractTests;

/** Run nginx's uwsgi_pass in front of the uwsgi listener of a Spring MVC application on Tomcat. */
@ServletGatewayTest
class ServletNginxUwsgiTests extends NginxUwsgiContractTests {
}
