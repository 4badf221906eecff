package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.ConformanceTestApplications;
import dev.gatewayinterface.testsupport.UnsecuredServletApplication;
import org.springframework.context.annotation.Import;

/**
 * Serve the conformance, limit and timeout applications on Tomcat, without Spring Security.
 */
@UnsecuredServletApplication
@Import(ConformanceTestApplications.class)
class ServletConformanceServer {
}
