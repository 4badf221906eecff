package dev.gatewayinterface.reactive;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.gatewayinterface.testsupport.TestApplications;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Serve the test applications on Reactor Netty beside a controller, a router function and Spring Security, as
 * a user's WebFlux application would.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestApplications.class)
class ReactiveTestApplication {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        return http.authorizeExchange(exchanges -> exchanges.pathMatchers("/secure/**").authenticated()
                .anyExchange().permitAll())
            .httpBasic(Customizer.withDefaults())
            .csrf(csrf -> csrf.csrfTokenRepository(new CookieServerCsrfTokenRepository())
                .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                .requireCsrfProtectionMatcher(new PathPatternParserServerWebExchangeMatcher("/csrf-echo/**")))
            .build();
    }

    @Bean
    MapReactiveUserDetailsService users() {
        return new MapReactiveUserDetailsService(User.withUsername("alice").password("{noop}secret").roles("USER").build());
    }

    @Bean
    RouterFunction<ServerResponse> routes() {
        return route(GET("/api/routed"), request -> ServerResponse.ok().bodyValue("router function"));
    }

    /**
     * Read a form from the exchange's form data, as WebFlux does, {@code @RequestParam} binding the query only;
     * registered as a member class.
     */
    @RestController
    static class FormController {

        @PostMapping("/api/form")
        Mono<String> form(ServerWebExchange exchange) {
            return exchange.getFormData().map(form -> "controller got " + form.getFirst("name"));
        }
    }
}
