package dev.gatewayinterface.benchmarks.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start the benchmark server as the harness does, on real Tomcat and Reactor Netty, and check that every Java
 * candidate answers the same bytes: a comparison of candidates that answer differently would measure nothing.
 */
class BenchmarkServerTests {

    private static final String QUERY = "q=" + "0123456789abcdefghijklmnopqrstuvwxyz".repeat(114).substring(0, 4094);

    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"mount, servlet", "controller, servlet", "servlet, servlet", "mount, reactive", "handler, reactive"})
    void everyCandidateAnswersHelloAndTheEchoOfA4KiBQueryAlike(String profile, String stack) throws Exception {
        try (ConfigurableApplicationContext server = start(stack, profile)) {
            HttpResponse<byte[]> hello = get(server, "/hello");
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(new String(hello.body(), StandardCharsets.US_ASCII)).isEqualTo("Hello, World!");
            assertThat(hello.headers().firstValue("Content-Type")).hasValue("text/plain");
            assertThat(hello.headers().firstValue("Content-Length")).hasValue("13");
            HttpResponse<byte[]> echo = get(server, "/echo?" + QUERY);
            assertThat(echo.statusCode()).isEqualTo(200);
            assertThat(new String(echo.body(), StandardCharsets.US_ASCII)).hasSize(4096).isEqualTo(QUERY);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @CsvSource({"servlet", "reactive"})
    void largeBodyApplicationsMoveEveryByteAndTheBlockingOneAnswers(String stack) throws Exception {
        byte[] data = new byte[3 * Payloads.CHUNK + 123];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 131 + 7);
        }
        Path file = Files.write(folder.resolve("body.bin"), data);
        try (ConfigurableApplicationContext server = start(stack, "bodies,blocking", "--bench.file=" + file)) {
            HttpResponse<byte[]> upload = client.send(HttpRequest.newBuilder(uri(server, "/upload"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(data))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(new String(upload.body(), StandardCharsets.US_ASCII)).isEqualTo(Integer.toString(data.length));
            HttpResponse<byte[]> download = get(server, "/download?size=" + data.length);
            assertThat(download.body()).hasSize(data.length);
            assertThat(download.headers().firstValue("Content-Length")).hasValue(Integer.toString(data.length));
            assertThat(get(server, "/file").body()).isEqualTo(data);
            assertThat(get(server, "/sleep").body()).isEqualTo(Payloads.HELLO);
        }
    }

    @Test
    void refusesADownloadWithoutItsSize() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
            .isThrownBy(() -> LargeBodyApplications.sizeParameter("length=5"))
            .withMessageContaining("size=N").withMessageContaining("'length=5'");
        assertThat(LargeBodyApplications.sizeParameter("a=1&size=65536")).isEqualTo(65536);
    }

    private static ConfigurableApplicationContext start(String stack, String profiles, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--spring.main.web-application-type=" + stack, "--server.netty.max-initial-line-length=8KB"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(BenchmarkServer.class).profiles(profiles.split(","))
            .run(arguments.toArray(String[]::new));
    }

    private HttpResponse<byte[]> get(ConfigurableApplicationContext server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(server, path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI uri(ConfigurableApplicationContext server, String path) {
        return URI.create("http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port") + path);
    }
}
