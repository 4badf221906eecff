package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.testsupport.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Check that Tomcat and Reactor Netty give an application the same environ for the same request bytes, but for
 * the ports, which differ by nature, and each binding's own extension key (docs/SPEC.md §12).
 */
class CrossStackEnvironTests {

    private static final String BODY = "test.body";

    private static ConfigurableApplicationContext servlet;

    private static ConfigurableApplicationContext reactive;

    @BeforeAll
    static void startBothStacks() {
        servlet = start(WebApplicationType.SERVLET);
        reactive = start(WebApplicationType.REACTIVE);
    }

    @AfterAll
    static void stopBothStacks() {
        servlet.close();
        reactive.close();
    }

    static Stream<String> requests() {
        return Stream.of(
                "GET /app/caf%C3%A9/x%20y?q=%20a&b&c=%E2%82%AC HTTP/1.1\r\nHost: example.test:8080\r\n"
                        + "X-Repeated: a\r\nX-Repeated: b\r\nX_Under: sneaky\r\nCookie: a=1\r\nCookie: b=2\r\n"
                        + "Accept: text/html\r\nUser-Agent: raw/1.0\r\n\r\n",
                "POST /app/ HTTP/1.1\r\nHost: example.test\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        + "Content-Length: 5\r\nX-Latin: caf\u00e9\r\n\r\nhello",
                "PUT /app HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                "DELETE /app/items/7? HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer token\r\n\r\n");
    }

    @ParameterizedTest
    @MethodSource("requests")
    void givesTheSameEnvironOnTomcatAndOnReactorNetty(String request) throws Exception {
        Map<String, Object> onTomcat = environOf(servlet, request);
        Map<String, Object> onNetty = environOf(reactive, request);
        assertThat(onTomcat).containsKey("gateway.servlet_request");
        assertThat(onNetty).containsKey(ReactiveGatewayAdapter.SERVER_EXCHANGE);
        assertThat(comparable(onNetty)).isEqualTo(comparable(onTomcat));
        assertThat(onNetty.keySet()).filteredOn(key -> !key.startsWith("gateway."))
            .containsExactlyInAnyOrderElementsOf(onTomcat.keySet().stream()
                .filter(key -> !key.startsWith("gateway."))
                .toList());
    }

    /** Keep the native strings and the body read from wsgi.input, leaving out the ports. */
    private static Map<String, Object> comparable(Map<String, Object> environ) {
        Map<String, Object> strings = new TreeMap<>();
        strings.put("body read from wsgi.input", environ.get(BODY));
        environ.forEach((key, value) -> {
            if (value instanceof String && !key.equals(Environ.SERVER_PORT) && !key.equals(Environ.REMOTE_PORT)) {
                strings.put(key, value);
            }
        });
        return strings;
    }

    private static Map<String, Object> environOf(ConfigurableApplicationContext context, String request)
            throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        try (RawHttp http = new RawHttp(port)) {
            http.send(request);
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(http.readBody(head)).asString().isEqualTo("ok");
        }
        return context.getBean(EnvironRecorder.class).environ.get();
    }

    private static ConfigurableApplicationContext start(WebApplicationType type) {
        Class<?> security = type == WebApplicationType.SERVLET ? ServletSecurity.class : ReactiveSecurity.class;
        return new SpringApplicationBuilder(CrossStackApplication.class, security).web(type)
            .properties("server.port=0", "gateway.apps.recorder.path=/app", "spring.main.banner-mode=off")
            .run();
    }

    /** Hold the last environ the recording application saw. */
    static final class EnvironRecorder {

        final AtomicReference<Map<String, Object>> environ = new AtomicReference<>();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class CrossStackApplication {

        @Bean
        EnvironRecorder environRecorder() {
            return new EnvironRecorder();
        }

        @Bean
        Application recorder(EnvironRecorder recorder) {
            return (environ, startResponse) -> {
                byte[] body = ((Input) environ.get(Environ.WSGI_INPUT)).read();
                Map<String, Object> seen = new HashMap<>(environ);
                seen.put(BODY, new String(body, StandardCharsets.ISO_8859_1));
                recorder.environ.set(seen);
                startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
                return List.of("ok".getBytes(StandardCharsets.US_ASCII));
            };
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class ServletSecurity {

        @Bean
        SecurityFilterChain openChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReactiveSecurity {

        @Bean
        SecurityWebFilterChain openChain(ServerHttpSecurity http) {
            return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
        }
    }
}
