package com.example.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Answer GET and HEAD on Tomcat with the contract validator on, as README.md promises.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "gateway.validate=true")
@ExtendWith(OutputCaptureExtension.class)
class QuickStartApplicationTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void answersGetAndHeadUnderTheValidator(CapturedOutput output) throws Exception {
        HttpResponse<String> get = send("GET");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("Hello, World!\n");
        assertThat(get.headers().firstValue("Content-Length")).hasValue("14");
        HttpResponse<String> head = send("HEAD");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("14");
        assertThat(head.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(head.body()).isEmpty();
        assertThat(output).contains("Mounted 'hello' at / on Tomcat (Spring MVC)").contains("validator on");
    }

    private HttpResponse<String> send(String method) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
            .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
