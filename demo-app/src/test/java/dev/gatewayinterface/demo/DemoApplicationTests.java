package dev.gatewayinterface.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import dev.gatewayinterface.middleware.ContractValidator;
import dev.gatewayinterface.mount.Mounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Check every demo application over real HTTP, at the mounts application.properties gives them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "management.defaults.metrics.export.enabled=true")
class DemoApplicationTests {

    /**
     * Serve the files of a folder that also holds a symbolic link to a file outside it, which must not be served.
     */
    @DynamicPropertySource
    static void filesFolderWithALinkOut(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("gateway-demo-files");
        Path outside = Files.createTempDirectory("gateway-demo-outside");
        Files.writeString(folder.resolve("hello.txt"), "Hello from a file, sent by wsgi.file_wrapper.\n");
        Files.createSymbolicLink(folder.resolve("link.txt"), Files.writeString(outside.resolve("secret.txt"), "secret"));
        registry.add("demo.files.root", folder::toString);
    }

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Mounts mounts;

    @Test
    void helloSaysHelloWorld() throws Exception {
        HttpResponse<String> response = get("/hello");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello, World!\n");
        assertThat(response.headers().firstValue("Content-Length")).hasValue("14");
    }

    @Test
    void echoReturnsTheEnvironAndTheBodyAsJson() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/echo/caf%C3%A9?x=1"))
            .header("X-Probe", "one")
            .POST(HttpRequest.BodyPublishers.ofString("payload"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).contains("\"SCRIPT_NAME\": \"/echo\"")
            .contains("\"PATH_INFO\": \"/caf\\u00c3\\u00a9\"")
            .contains("\"QUERY_STRING\": \"x=1\"")
            .contains("\"HTTP_X_PROBE\": \"one\"")
            .contains("\"body_b64\": \"" + Base64.getEncoder().encodeToString("payload".getBytes()) + "\"");
    }

    @Test
    void streamSendsFiveChunks() throws Exception {
        HttpResponse<String> response = get("/stream");
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.body().lines()).containsExactly("chunk 1 of 5", "chunk 2 of 5", "chunk 3 of 5",
                "chunk 4 of 5", "chunk 5 of 5");
    }

    @Test
    void filesServesTheSampleFileAndNothingElse() throws Exception {
        HttpResponse<String> file = get("/files/hello.txt");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("Hello from a file, sent by wsgi.file_wrapper.\n");
        assertThat(file.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(get("/files/missing.txt").statusCode()).isEqualTo(404);
        assertThat(get("/files/..%2F..%2Fetc%2Fpasswd").statusCode()).isIn(400, 404);
    }

    @Test
    void filesServesNoFileOutsideItsFolderThroughASymbolicLink() throws Exception {
        HttpResponse<String> response = get("/files/link.txt");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("secret");
    }

    @Test
    void filesAnswersAPathTheFileSystemRefusesWithoutAnError() throws Exception {
        assertThat(get("/files/hello.txt%00.png").statusCode()).isIn(400, 404);
    }

    @Test
    void echoRedactsCredentialsAndRefusesAnOversizedBody() throws Exception {
        HttpResponse<String> echoed = client.send(HttpRequest.newBuilder(uri("/echo"))
            .header("Authorization", "Basic c2VjcmV0OnNlY3JldA==").header("Cookie", "session=secret")
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(echoed.body()).contains("\"HTTP_AUTHORIZATION\": \"[redacted]\"")
            .doesNotContain("c2VjcmV0OnNlY3JldA==", "session=secret");
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(uri("/echo"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[200 * 1024])).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(413);
    }

    @Test
    void writeAnswersThroughTheWriteCallable() throws Exception {
        assertThat(get("/write").body()).isEqualTo("written with write(), line by line\n");
    }

    @Test
    void boomAnswersAPlain500() throws Exception {
        HttpResponse<String> response = get("/boom");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("500 Internal Server Error\n");
    }

    @Test
    void notesServesItsAssetsToAnyoneWithValidatorsAndRanges() throws Exception {
        HttpResponse<String> css = get("/notes/assets/notes.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).isEqualTo("body { font-family: sans-serif; }\n");
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        String etag = css.headers().firstValue("ETag").orElseThrow();
        assertThat(client.send(HttpRequest.newBuilder(uri("/notes/assets/notes.css")).header("If-None-Match", etag)
            .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(304);
        HttpResponse<String> range = client.send(HttpRequest.newBuilder(uri("/notes/assets/notes.css"))
            .header("Range", "bytes=0-3").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("body");
        assertThat(get("/notes/assets/..%2F..%2Fapplication.properties").statusCode()).isIn(400, 401, 404);
    }

    @Test
    void notesAsksForAPasswordThenRoutesTheSignedInUser() throws Exception {
        HttpResponse<String> anonymous = get("/notes/api/notes");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"notes\", charset=\"UTF-8\"");
        assertThat(signedIn("GET", "/notes/api/notes").body()).isEqualTo("notes of ada: 3\n");
        assertThat(signedIn("GET", "/notes/api/notes/2").body()).isEqualTo("Write the docs\n");
        assertThat(signedIn("GET", "/notes/api/notes/9").statusCode()).isEqualTo(404);
        assertThat(signedIn("GET", "/notes/elsewhere").statusCode()).isEqualTo(404);
        HttpResponse<String> delete = signedIn("DELETE", "/notes/api/notes/2");
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD");
        HttpResponse<String> slash = signedIn("GET", "/notes/api/notes/?page=2");
        assertThat(slash.statusCode()).isEqualTo(308);
        assertThat(slash.headers().firstValue("Location")).hasValue("/notes/api/notes?page=2");
    }

    @Test
    void notesAnswersAFailureBehindItsErrorCatcherWithAPlain500() throws Exception {
        HttpResponse<String> response = signedIn("GET", "/notes/api/boom");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("500 Internal Server Error\n").doesNotContain("do-not-leak");
    }

    @Test
    void pyGreetsFromPythonOnGraalPyBelowItsMount() throws Exception {
        HttpResponse<String> response = get("/py/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).startsWith("Hello from Python 3.")
            .contains(" on graalpy!\n")
            .endsWith("SCRIPT_NAME='/py' PATH_INFO='/'\n");
    }

    @Test
    void pyParsesAPostedForm() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/py/form"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("name=Ada&lang=py&lang=java"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("{\"lang\": [\"py\", \"java\"], \"name\": [\"Ada\"]}\n");
    }

    @Test
    void answersHeadWithoutABodyUnderTheValidator() throws Exception {
        for (String path : new String[] { "/hello", "/echo", "/stream", "/files/hello.txt", "/write", "/py/",
            "/notes/assets/notes.css" }) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEmpty();
        }
        assertThat(client.send(HttpRequest.newBuilder(uri("/hello")).method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.ofString()).headers().firstValue("Content-Length")).hasValue("14");
    }

    @Test
    void runsEveryApplicationInsideTheContractValidator() {
        assertThat(mounts.all()).hasSize(8)
            .allSatisfy(mount -> assertThat(mount.gateway().application()).isInstanceOf(ContractValidator.class));
    }

    @Test
    void showsPerApplicationTrafficInPrometheus() throws Exception {
        get("/hello");
        get("/boom");
        String text = get("/actuator/prometheus").body();
        assertThat(text).contains("gateway_requests_seconds_count{app=\"hello\"")
            .contains("app=\"boom\"")
            .contains("exception=\"IllegalStateException\"")
            .contains("gateway_response_size_bytes_sum{app=\"hello\"}")
            .contains("http_server_requests_seconds_count{error=\"IllegalStateException\",exception=\"IllegalStateException\",method=\"GET\",outcome=\"SERVER_ERROR\",status=\"500\",uri=\"/boom/**\"}");
    }

    @Test
    void describesTheMountsAtTheGatewayEndpoint() throws Exception {
        assertThat(get("/actuator/gateway").body()).contains("\"name\":\"hello\"").contains("\"validated\":true")
            .containsPattern("\"name\":\"py\".*?\"details\":\\{\"pythonPool\":\\{\"size\":2,\"busy\":0,");
    }

    @Test
    void actuatorRunsBesideTheApplications() throws Exception {
        assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    private HttpResponse<String> signedIn(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody())
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ada:lovelace".getBytes()))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
