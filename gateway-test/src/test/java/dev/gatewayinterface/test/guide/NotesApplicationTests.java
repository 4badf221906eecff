package dev.gatewayinterface.test.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.middleware.auth.CredentialCheck;
import dev.gatewayinterface.test.TestClient;
import dev.gatewayinterface.test.TestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check the example of docs/MIDDLEWARE.md, and that the guide shows its code as it is.
 */
class NotesApplicationTests {

    // tag::test[]
    @TempDir
    Path assets;

    private TestClient client;

    @BeforeEach
    void composeTheApplication() throws IOException {
        Files.writeString(assets.resolve("site.css"), "p { margin: 0 }");
        client = TestClient.of(NotesApplication.create(assets, CredentialCheck.of(Map.of("ada", "lovelace"))));
    }

    @Test
    void servesAssetsToAnyone() {
        assertThat(client.get("/assets/site.css").header("Content-Type")).isEqualTo("text/css; charset=utf-8");
    }

    @Test
    void asksForAPasswordBeforeTheNotes() {
        assertThat(client.get("/notes").header("WWW-Authenticate")).isEqualTo("Basic realm=\"notes\", charset=\"UTF-8\"");
    }

    @Test
    void routesASignedInUser() {
        assertThat(signedIn("GET", "/notes/7").text()).isEqualTo("note 7");
        assertThat(signedIn("DELETE", "/notes/7").header("Allow")).isEqualTo("GET, HEAD");
        assertThat(signedIn("GET", "/notes/").header("Location")).isEqualTo("/notes");
    }

    @Test
    void answersAFailureWithAPlain500() {
        assertThat(signedIn("POST", "/notes").text()).isEqualTo("500 Internal Server Error\n");
    }

    private TestResponse signedIn(String method, String target) {
        String credentials = Base64.getEncoder().encodeToString("ada:lovelace".getBytes(StandardCharsets.UTF_8));
        return client.request(method, target).header("Authorization", "Basic " + credentials).send();
    }
    // end::test[]

    @Test
    void showsTheExampleInTheGuideAsItIs() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "MIDDLEWARE.md"));
        assertThat(guide).contains(region(Path.of("src/test/java/dev/gatewayinterface/test/guide/NotesApplication.java"), "compose"));
        assertThat(guide).contains(region(Path.of("src/test/java/dev/gatewayinterface/test/guide/NotesApplicationTests.java"), "test"));
    }

    /** Return the lines between a source's tag markers, without the indentation of a class member. */
    private static String region(Path source, String tag) throws IOException {
        String text = Files.readString(source);
        String inside = text.substring(text.indexOf("// tag::" + tag + "[]\n") + ("// tag::" + tag + "[]\n").length(),
                text.indexOf("    // end::" + tag + "[]"));
        return inside.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
            .collect(Collectors.joining("\n", "", "\n"));
    }
}
