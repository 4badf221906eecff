package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.MountPrefixContractTests;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Check over real HTTP that on Tomcat SCRIPT_NAME is the context path, the DispatcherServlet's path and the mount
 * path, each as sent, and PATH_INFO the rest.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "server.servlet.context-path=/ctx",
        "spring.mvc.servlet.path=/mvc", "gateway.apps.paths.path=/legacy/app" })
class ServletMountPrefixTests extends MountPrefixContractTests {

    ServletMountPrefixTests() {
        super("/ctx/mvc");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PathsMount.class)
    static class PrefixApplication {

        @Bean
        SecurityFilterChain openChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
    }
}
