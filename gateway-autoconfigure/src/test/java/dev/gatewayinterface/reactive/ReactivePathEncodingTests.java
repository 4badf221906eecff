package dev.gatewayinterface.reactive;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.testsupport.PathEncodingContractTests;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;

/**
 * Check the request paths of SPEC §2 on Reactor Netty, which accepts them as they are.
 */
@SpringBootTest(classes = ReactivePathEncodingTests.PathsOnNetty.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive", "gateway.apps.paths.path=/paths" })
class ReactivePathEncodingTests extends PathEncodingContractTests {

    /** An application mounted at /paths, with no security filters, whose firewall refuses such paths itself. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
    static class PathsOnNetty {

        @Bean
        Application paths() {
            return pathInfoApplication();
        }
    }
}
