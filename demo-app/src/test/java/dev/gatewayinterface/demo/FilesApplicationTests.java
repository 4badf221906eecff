package dev.gatewayinterface.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.test.TestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check that the demo's file server serves its folder and nothing outside it, however the path is spelled.
 */
class FilesApplicationTests {

    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void servesAFileOfItsFolder() throws IOException {
        Files.writeString(root.resolve("hello.txt"), "hello");
        assertThat(client().get("/hello.txt").text()).isEqualTo("hello");
    }

    @Test
    void refusesASymbolicLinkThatLeadsOutOfItsFolder() throws IOException {
        Path secret = Files.writeString(outside.resolve("passwd"), "root:x:0:0");
        Files.createSymbolicLink(root.resolve("link.txt"), secret);
        assertThat(client().get("/link.txt").status()).isEqualTo(404);
    }

    @Test
    void followsASymbolicLinkThatStaysInsideItsFolder() throws IOException {
        Files.writeString(root.resolve("real.txt"), "inside");
        Files.createSymbolicLink(root.resolve("alias.txt"), root.resolve("real.txt"));
        assertThat(client().get("/alias.txt").text()).isEqualTo("inside");
    }

    @Test
    void answers404ToANameTheFileSystemRefuses() throws IOException {
        Files.writeString(root.resolve("hello.txt"), "hello");
        assertThat(client().get("/hello.txt%00.png").status()).isEqualTo(404);
    }

    @Test
    void neverSeesADotDotPathWhichTheServerRefusesFirst() {
        assertThat(client().get("/../" + outside.getFileName()).status()).isEqualTo(400);
    }

    @Test
    void answers404ForTheFolderItself() {
        assertThat(client().get("/").status()).isEqualTo(404);
    }

    private TestClient client() {
        return TestClient.of(new FilesApplication(root));
    }
}
