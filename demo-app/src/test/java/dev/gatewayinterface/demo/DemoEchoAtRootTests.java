package dev.gatewayinterface.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Check that a command-line argument moves the echo application to the root, where it takes every path
 * no other mount holds. The Python application is left unmounted, so this second context starts no Python.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        args = { "--gateway.apps.echo.path=/", "--gateway.apps.py.enabled=false" })
class DemoEchoAtRootTests {

    @LocalServerPort
    int port;

    @Test
    void echoAnswersAtTheRootWithAnEmptyScriptName() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/anything/here")).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"SCRIPT_NAME\": \"\"").contains("\"PATH_INFO\": \"/anything/here\"");
    }

    @Test
    void theOtherApplicationsKeepTheirMounts() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("Hello, World!\n");
    }
}
