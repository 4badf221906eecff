package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.MountPrefixContractTests;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Check over real HTTP that on Reactor Netty SCRIPT_NAME is WebFlux's base path and the mount path, each as sent,
 * and PATH_INFO the rest (docs/SPEC.md §12).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=reactive", "spring.webflux.base-path=/ctx",
        "gateway.apps.paths.path=/legacy/app" })
class ReactiveMountPrefixTests extends MountPrefixContractTests {

    ReactiveMountPrefixTests() {
        super("/ctx");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PathsMount.class)
    static class PrefixApplication {

        @Bean
        SecurityWebFilterChain openChain(ServerHttpSecurity http) {
            return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll()).build();
        }
    }
}
