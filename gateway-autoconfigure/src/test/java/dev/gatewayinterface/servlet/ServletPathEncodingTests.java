package dev.gatewayinterface.servlet;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.testsupport.PathEncodingContractTests;
import dev.gatewayinterface.testsupport.UnsecuredServletApplication;
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
    @UnsecuredServletApplication
    static class PathsOnTomcat {

        @Bean
        Application paths() {
            return pathInfoApplication();
        }
    }
}
