package dev.gatewayinterface.autoconfigure.webmvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.testsupport.UnsecuredServletApplication;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Check that controllers answer exactly as they do without the starter, with an application mounted at {@code /}
 * over them: multipart binding and Tomcat's form limits belong to the container, not to the gateway.
 */
class ControllerParityTests {

    private static final HttpClient client = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext withStarter;

    private static ConfigurableApplicationContext withoutStarter;

    @BeforeAll
    static void start() {
        withStarter = start(false);
        withoutStarter = start(true);
    }

    @AfterAll
    static void stop() {
        withStarter.close();
        withoutStarter.close();
    }

    @Test
    void bindsMultipartFieldsAsWithoutTheStarter() throws Exception {
        String boundary = "parity";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nreport\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + "12345\r\n--" + boundary + "--\r\n";
        assertSameAnswer("/upload", "multipart/form-data; boundary=" + boundary, body, "200 title=report file=5");
    }

    @Test
    void acceptsFormsUpToTomcatsPostSizeAsWithoutTheStarter() throws Exception {
        String body = "name=" + "x".repeat(3 * 1024 * 1024);
        assertSameAnswer("/form", "application/x-www-form-urlencoded", body, "200 fields=1 name=3145728");
    }

    @Test
    void refusesFormsOverTomcatsParameterCountAsWithoutTheStarter() throws Exception {
        StringBuilder body = new StringBuilder("name=many");
        for (int i = 0; i < 5_000; i++) {
            body.append("&f").append(i).append('=').append(URLEncoder.encode("v", StandardCharsets.UTF_8));
        }
        assertSameAnswer("/form", "application/x-www-form-urlencoded", body.toString(), null);
    }

    @Test
    void stillServesTheMountedApplicationBesideTheControllers() throws Exception {
        assertThat(post(withStarter, "/elsewhere", "application/x-www-form-urlencoded", "name=x"))
            .isEqualTo("200 mounted read 6 bytes");
    }

    private static void assertSameAnswer(String path, String contentType, String body, String expected) throws Exception {
        String without = post(withoutStarter, path, contentType, body);
        if (expected != null) {
            assertThat(without).isEqualTo(expected);
        }
        else {
            assertThat(without).startsWith("400");
        }
        assertThat(post(withStarter, path, contentType, body)).isEqualTo(without);
    }

    private static String post(ConfigurableApplicationContext context, String path, String contentType, String body)
            throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1))
            .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + (response.statusCode() == 200 ? " " + response.body() : "");
    }

    private static ConfigurableApplicationContext start(boolean excludeStarter) {
        return new SpringApplicationBuilder(ParityApplication.class)
            .properties("server.port=0", "server.tomcat.max-http-form-post-size=10MB",
                    "spring.autoconfigure.exclude=" + (excludeStarter ? String.join(",",
                            "dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration",
                            "dev.gatewayinterface.autoconfigure.webmvc.GatewayWebMvcAutoConfiguration",
                            "dev.gatewayinterface.autoconfigure.observation.GatewayObservationAutoConfiguration",
                            "dev.gatewayinterface.autoconfigure.actuate.GatewayEndpointAutoConfiguration") : ""))
            .run();
    }

    /** Controllers of a user's application, and one application mounted at {@code /} as a lone bean is. */
    @UnsecuredServletApplication
    static class ParityApplication {

        @Bean
        Application mounted() {
            return (environ, startResponse) -> {
                byte[] body = ((dev.gatewayinterface.Input) environ.get("wsgi.input")).read();
                startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
                return List.of(("mounted read " + body.length + " bytes").getBytes(StandardCharsets.US_ASCII));
            };
        }

        @RestController
        static class Forms {

            @PostMapping("/upload")
            String upload(@RequestParam("title") String title, @RequestParam("file") MultipartFile file) {
                return "title=" + title + " file=" + file.getSize();
            }

            @PostMapping("/form")
            String form(@RequestParam("name") String name, @RequestParam Map<String, String> all) {
                return "fields=" + all.size() + " name=" + name.length();
            }
        }
    }
}
