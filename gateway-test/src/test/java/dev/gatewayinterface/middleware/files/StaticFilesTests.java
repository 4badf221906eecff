package dev.gatewayinterface.middleware.files;

import static dev.gatewayinterface.middleware.Apps.echo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gatewayinterface.Body;
import dev.gatewayinterface.test.TestClient;
import dev.gatewayinterface.test.TestEnviron;
import dev.gatewayinterface.test.TestResponse;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check that {@link StaticFiles} serves files with validators and ranges, refuses every way out of its folder,
 * and passes everything else to the application.
 */
class StaticFilesTests {

    private static final String CONTENT = "0123456789abcdefghij";

    private static final Instant MODIFIED = Instant.parse("2026-12-01T09:05:00Z");

    @TempDir
    Path root;

    private TestClient client;

    @BeforeEach
    void serveTheFolder() throws IOException {
        Files.createDirectories(root.resolve("www/docs"));
        Files.writeString(root.resolve("www/hello.txt"), CONTENT);
        Files.writeString(root.resolve("www/docs/page.html"), "<p>hi</p>");
        Files.writeString(root.resolve("secret.txt"), "secret");
        Files.setLastModifiedTime(root.resolve("www/hello.txt"), FileTime.from(MODIFIED));
        client = TestClient.of(new StaticFiles(echo("app"), "/static", FileSource.directory(root.resolve("www"))));
    }

    @Test
    void servesAFileWithItsTypeLengthAndValidators() {
        TestResponse response = client.get("/static/hello.txt");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo(CONTENT);
        assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.header("Content-Length")).isEqualTo("20");
        assertThat(response.header("Last-Modified")).isEqualTo("Tue, 01 Dec 2026 09:05:00 GMT");
        assertThat(response.header("ETag")).matches("\"14-[0-9a-f]+\"");
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(client.get("/static/docs/page.html").header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    }

    @Test
    void handsTheFileToTheServerThroughTheFileWrapper() throws Exception {
        StaticFiles files = new StaticFiles(echo("app"), "", FileSource.directory(root.resolve("www")));
        Iterable<byte[]> body = files.call(TestEnviron.builder().path("/hello.txt").header("Range", "bytes=4-")
            .build(), (status, headers, excInfo) -> data -> { });
        try (FileChannel file = Body.fileOf(body)) {
            assertThat(file).as("a file the server may send without copying (SPEC §8)").isNotNull();
            assertThat(file.position()).isEqualTo(4);
        }
    }

    @Test
    void answersHeadWithTheHeadersAndNoBody() {
        TestResponse response = client.strictValidation().head("/static/hello.txt");
        assertThat(response.header("Content-Length")).isEqualTo("20");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void answersAMatchingEntityTagWith304() {
        String etag = client.get("/static/hello.txt").header("ETag");
        for (String ifNoneMatch : List.of(etag, "\"other\", " + etag, "W/" + etag, "*")) {
            TestResponse response = client.request("GET", "/static/hello.txt").header("If-None-Match", ifNoneMatch).send();
            assertThat(response.status()).as(ifNoneMatch).isEqualTo(304);
            assertThat(response.body()).isEmpty();
            assertThat(response.header("ETag")).isEqualTo(etag);
        }
        assertThat(client.request("GET", "/static/hello.txt").header("If-None-Match", "\"other\"").send().status())
            .isEqualTo(200);
    }

    @ParameterizedTest(name = "If-Modified-Since: {0} -> {1}")
    @CsvSource(delimiterString = "->", value = {
        "Tue, 01 Dec 2026 09:05:00 GMT -> 304",
        "Wed, 02 Dec 2026 00:00:00 GMT -> 304",
        "Tue, 01 Dec 2026 09:04:59 GMT -> 200",
        "yesterday                     -> 200",
    })
    void answersAnUnchangedFileSinceTheDateWith304(String since, int status) {
        assertThat(client.request("GET", "/static/hello.txt").header("If-Modified-Since", since).send().status())
            .isEqualTo(status);
    }

    @ParameterizedTest(name = "Range: {0} -> {1} {2}")
    @CsvSource(delimiterString = "->", value = {
        "bytes=0-3     -> 206 -> 0123 -> bytes 0-3/20",
        "bytes=16-     -> 206 -> ghij -> bytes 16-19/20",
        "bytes=-3      -> 206 -> hij  -> bytes 17-19/20",
        "bytes=18-99   -> 206 -> ij   -> bytes 18-19/20",
        "bytes=-50     -> 206 -> " + CONTENT + " -> bytes 0-19/20",
        "bytes=0-1,4-5 -> 200 -> " + CONTENT + " -> ''",
        "bytes=5-2     -> 200 -> " + CONTENT + " -> ''",
        "lines=1-2     -> 200 -> " + CONTENT + " -> ''",
        "bytes=20-     -> 416 -> 416 Range Not Satisfiable\\n -> bytes */20",
        "bytes=-0      -> 416 -> 416 Range Not Satisfiable\\n -> bytes */20",
    })
    void answersOneRangeWith206AndAnUnsatisfiableOneWith416(String range, int status, String text, String contentRange) {
        TestResponse response = client.request("GET", "/static/hello.txt").header("Range", range).send();
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.text()).isEqualTo(text.replace("\\n", "\n"));
        assertThat(response.header("Content-Range")).isEqualTo(contentRange.isEmpty() ? null : contentRange);
    }

    @Test
    void sendsTheWholeFileWhenIfRangeNoLongerMatches() {
        TestResponse response = client.request("GET", "/static/hello.txt").header("Range", "bytes=0-3")
            .header("If-Range", "\"stale\"").send();
        assertThat(response.status()).isEqualTo(200);
        String etag = client.get("/static/hello.txt").header("ETag");
        assertThat(client.request("GET", "/static/hello.txt").header("Range", "bytes=0-3").header("If-Range", etag)
            .send().status()).isEqualTo(206);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/%2E%2E/secret.txt",
        "/static//etc/passwd", "/static/docs/../../secret.txt", "/static/./hello.txt", "/static/..%5csecret.txt",
        "/static/C:%5cwindows", "/static/hello.txt%00.png", "/static/%ff.txt"})
    void refusesAPathThatCouldLeaveTheFolderWith404(String target) {
        // The server refuses most of these first (SPEC §14); the middleware must refuse them on its own too.
        TestResponse response = client.acceptingAmbiguousPaths().get(target);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text()).isEqualTo("404 Not Found\n");
    }

    @Test
    void refusesASymbolicLinkOutOfTheFolder() throws IOException {
        Files.createSymbolicLink(root.resolve("www/escape.txt"), root.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("www/inside.txt"), root.resolve("www/hello.txt"));
        assertThat(client.get("/static/escape.txt").status()).isEqualTo(404);
        assertThat(client.get("/static/inside.txt").text()).isEqualTo(CONTENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/missing.txt", "/static/docs", "/static/docs/", "/static", "/static/", "/staticx/hello.txt", "/other"})
    void passesAnythingButAFileToTheApplication(String target) {
        assertThat(client.get(target).text()).startsWith("app ");
    }

    @Test
    void passesOtherMethodsToTheApplication() {
        assertThat(client.post("/static/hello.txt", "text/plain", new byte[0]).text()).startsWith("app ");
    }

    @Test
    void servesFilesFromTheClassPath() {
        TestClient classPath = TestClient.of(new StaticFiles(echo("app"), "/assets",
                FileSource.classPath(getClass().getClassLoader(), "static-test")).withCacheControl("max-age=60"));
        TestResponse response = classPath.get("/assets/css/site.css");
        assertThat(response.text()).isEqualTo("body { color: teal; }\n");
        assertThat(response.header("Content-Type")).isEqualTo("text/css; charset=utf-8");
        assertThat(response.header("Cache-Control")).isEqualTo("max-age=60");
        assertThat(classPath.get("/assets/css").text()).startsWith("app ");
        assertThat(classPath.get("/assets/nothing.css").text()).startsWith("app ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"static", "/", "/static/", "/a//b"})
    void refusesAMalformedPrefixQuotingIt(String prefix) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new StaticFiles(echo("app"), prefix, FileSource.directory(root)))
            .withMessageContaining("not \"" + prefix + "\"");
    }

    @Test
    void refusesAFolderThatDoesNotExist() {
        assertThatIllegalArgumentException().isThrownBy(() -> FileSource.directory(root.resolve("nowhere")))
            .withMessageContaining("nowhere");
    }
}
