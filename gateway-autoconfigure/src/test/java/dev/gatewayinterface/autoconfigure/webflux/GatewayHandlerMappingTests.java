package dev.gatewayinterface.autoconfigure.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.engine.Gateway;
import dev.gatewayinterface.engine.GatewayOptions;
import dev.gatewayinterface.mount.Mount;
import dev.gatewayinterface.mount.Mounts;
import dev.gatewayinterface.testsupport.PathsApplication;
import dev.gatewayinterface.reactive.ReactiveGatewayAdapter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.WebHandler;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Check that the WebFlux {@link GatewayHandlerMapping} routes a request to its mount and hands the application
 * the raw split of the path below the base path.
 */
class GatewayHandlerMappingTests {

    private final GatewayHandlerMapping mapping = new GatewayHandlerMapping(
            new Mounts(List.of(mount("api", "/api"), mount("shop", "/café"))),
            mount -> new ReactiveGatewayAdapter(mount.gateway(), task -> new Thread(task).start()));

    @Test
    void routesARequestToItsMountWithTheBasePathInTheScriptName() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/ctx/api/v1/items").contextPath("/ctx"));
        WebHandler handler = handler(exchange);
        assertThat(handler).isNotNull();
        assertThat(exchange.<PathPattern>getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
            .hasToString("/api/**");
        assertThat(exchange.<PathContainer>getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE))
            .hasToString("/v1/items");
        assertThat(serve(handler, exchange)).isEqualTo("api: SCRIPT_NAME=/ctx/api PATH_INFO=/v1/items QUERY_STRING=");
    }

    @Test
    void keepsTheRawMountPathOfAnEncodedRequestForTheEngineToDecode() {
        MockServerWebExchange exchange = exchange(
                MockServerHttpRequest.method(HttpMethod.GET, URI.create("/caf%C3%A9/menu%20du%20jour")));
        String latin1Cafe = new String("/café".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(serve(handler(exchange), exchange))
            .isEqualTo("shop: SCRIPT_NAME=" + latin1Cafe + " PATH_INFO=/menu du jour QUERY_STRING=");
    }

    @Test
    void findsNoHandlerOutsideEveryMount() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/ctx/apix").contextPath("/ctx"));
        assertThat(handler(exchange)).isNull();
        assertThat(exchange.<Object>getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)).isNull();
    }

    @Test
    void matchesMountsBelowTheBasePathOnly() {
        assertThat(handler(exchange(MockServerHttpRequest.get("/api/v1").contextPath("/api")))).isNull();
    }

    private WebHandler handler(MockServerWebExchange exchange) {
        return (WebHandler) mapping.getHandler(exchange).block();
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request);
    }

    private static String serve(WebHandler handler, MockServerWebExchange exchange) {
        handler.handle(exchange).block();
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(200);
        return DataBufferUtils.join(exchange.getResponse().getBody())
            .map(body -> body.toString(StandardCharsets.ISO_8859_1))
            .block();
    }

    private static Mount mount(String name, String path) {
        return new Mount(name, path, new Gateway(PathsApplication.named(name), GatewayOptions.defaults(name)));
    }
}
