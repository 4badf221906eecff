package dev.gatewayinterface.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.testsupport.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Check over real HTTP that SCRIPT_NAME is the context path, the DispatcherServlet's path and the mount
 * path, each as sent, and PATH_INFO the rest (docs/SPEC.md §3.2).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "server.servlet.context-path=/ctx",
        "spring.mvc.servlet.path=/mvc", "gateway.apps.paths.path=/legacy/app" })
class ServletMountPrefixTests {

    @LocalServerPort
    int port;

    @Test
    void putsContextServletAndMountPathsIntoScriptName() throws Exception {
        assertThat(get("/ctx/mvc/legacy/app/caf%C3%A9/x?q=1"))
            .isEqualTo("SCRIPT_NAME=/ctx/mvc/legacy/app PATH_INFO=/caf\u00c3\u00a9/x QUERY_STRING=q=1");
    }

    @Test
    void givesAnEmptyPathInfoForTheMountItself() throws Exception {
        assertThat(get("/ctx/mvc/legacy/app")).isEqualTo("SCRIPT_NAME=/ctx/mvc/legacy/app PATH_INFO= QUERY_STRING=");
    }

    private String get(String target) throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            return new String(http.readBody(head), StandardCharsets.ISO_8859_1);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class PrefixApplication {

        @Bean
        Application paths() {
            return (environ, startResponse) -> {
                startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
                String text = "SCRIPT_NAME=" + environ.get(Environ.SCRIPT_NAME) + " PATH_INFO="
                        + environ.get(Environ.PATH_INFO) + " QUERY_STRING=" + environ.get(Environ.QUERY_STRING);
                return List.of(text.getBytes(StandardCharsets.ISO_8859_1));
            };
        }

        @Bean
        SecurityFilterChain openChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
    }
}
