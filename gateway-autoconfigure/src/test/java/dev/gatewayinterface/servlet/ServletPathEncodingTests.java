package dev.gatewayinterface.servlet;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.testsupport.PathEncodingContractTests;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;

/**
 * Check the request paths of SPEC §2 on Tomcat, with the settings SERVING.md names for them.
 */
@SpringBootTest(classes = ServletPathEncodingTests.PathsOnTomcat.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", "gateway.apps.paths.path=/paths",
                "gateway.servlet.encoded-slash=passthrough", "server.tomcat.uri-encoding=ISO-8859-1" })
class ServletPathEncodingTests extends PathEncodingContractTests {

    /** An application mounted at /paths, with no security filters, whose firewall refuses such paths itself. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
    static class PathsOnTomcat {

        @Bean
        Application paths() {
            return pathInfoApplication();
        }
    }
}
