package dev.gatewayinterface.benchmarks.server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Answer {@code /hello} and {@code /echo} from plain WebFlux handler functions (profile {@code handler}): the
 * baseline of the WebFlux mount.
 */
@Configuration(proxyBeanMethods = false)
@Profile("handler")
class PlainHandlerFunctions {

    @Bean
    RouterFunction<ServerResponse> plainHandlers() {
        return RouterFunctions.route()
            .GET("/hello", request -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(Payloads.HELLO))
            .GET("/echo", request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue(Payloads.echo(request.uri().getRawQuery())))
            .build();
    }
}
