package dev.gatewayinterface.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.WithoutSecurity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Run the README's quick start as a new user would, with the validator on: GET and HEAD over real HTTP on Tomcat
 * (the reactive subclass runs it on Reactor Netty). Its source is the README's code block, which
 * {@code DocumentationSnippetsTests} keeps identical.
 */
@TestPropertySource(properties = WithoutSecurity.EXCLUDED)
@SpringBootTest(classes = QuickStartApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "gateway.validate=true")
class QuickStartApplicationTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void answersGetWithHelloWorld() throws Exception {
        HttpResponse<String> response = send("GET");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello, World!\n");
        assertThat(response.headers().firstValue("Content-Length")).hasValue("14");
    }

    @Test
    void answersHeadWithTheSameHeadersAndNoBody() throws Exception {
        HttpResponse<String> response = send("HEAD");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("14");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(response.body()).isEmpty();
    }

    private HttpResponse<String> send(String method) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
            .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
