package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Serve standard-library applications wrapped in CPython's own {@code wsgiref.validate.validator} over real HTTP,
 * and check after every test that the validator raised no assertion and no warning: the gateway keeps the
 * server side of PEP 3333 as CPython's reference checker understands it. The mount also runs inside the gateway's
 * own validator, which must accept every response CPython's accepts. Each stack runs this suite.
 */
abstract class WsgiValidatorTests {

    /** Lines with every byte value, so that the body crosses between Java and Python unchanged. */
    private static final byte[] BINARY_LINES = binaryLines();

    @LocalServerPort
    int port;

    private Http http() {
        return new Http(port);
    }

    @AfterEach
    void validatorFoundNothing() {
        assertThat(http().get("/wsgi/violations").body()).as("wsgiref.validate assertions and warnings").isEqualTo("[]");
    }

    @Test
    void servesAGetRequest() {
        HttpResponse<String> response = http().get("/wsgi/hello");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("14");
        assertThat(response.body()).isEqualTo("Hello, World!\n");
    }

    @Test
    void answersHeadWithTheHeadersOfGetAndNoBody() {
        HttpResponse<String> response = http().head("/wsgi/hello");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("14");
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "read", "sized", "readline", "readlines", "iterate" })
    void readsAPostedBodyByteForByteWithEachInputMethod(String mode) {
        HttpResponse<byte[]> response = http().post("/wsgi/echo?mode=" + mode, BodyPublishers.ofByteArray(BINARY_LINES));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Content-Length")).hasValue(String.valueOf(BINARY_LINES.length));
        assertThat(response.body()).isEqualTo(BINARY_LINES);
    }

    @Test
    void readsLinesInPiecesNoLongerThanTheSizeAsked() {
        HttpResponse<byte[]> response = http().post("/wsgi/echo?mode=readline-sized",
                BodyPublishers.ofString("hello world\nok\n"));
        assertThat(new String(response.body(), StandardCharsets.US_ASCII)).isEqualTo("hello| worl|d\n|ok\n");
    }

    @Test
    void readsAChunkedUploadToItsEnd() {
        HttpResponse<byte[]> response = http().post("/wsgi/echo?mode=sized",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(BINARY_LINES)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Content-Length")).hasValue("none");
        assertThat(response.headers().firstValue("X-Input-Terminated")).hasValue("True");
        assertThat(response.body()).isEqualTo(BINARY_LINES);
    }

    @Test
    void streamsAGeneratorThatStartsTheResponseFromInsideIt() {
        HttpResponse<String> response = http().get("/wsgi/stream?chunks=4");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.body()).isEqualTo("chunk 0\nchunk 1\nchunk 2\nchunk 3\n");
    }

    @Test
    void sendsWhatWriteWroteBeforeTheReturnedBody() {
        assertThat(http().get("/wsgi/write").body()).isEqualTo("written first\nreturned after\n");
    }

    @Test
    void sendsARealFileThroughTheFileWrapperFromItsPosition() {
        HttpResponse<String> response = http().get("/wsgi/file?offset=51&block=1000");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("line 0001 of a file").hasSize(51 * 1999);
    }

    @Test
    void sendsAFileLikeObjectThroughTheFileWrapperUpToItsContentLength() {
        HttpResponse<String> response = http().get("/wsgi/file?source=bytesio&length=60");
        assertThat(response.headers().firstValue("Content-Length")).hasValue("60");
        assertThat(response.body()).isEqualTo("line 0000 of a file sent through wsgi.file_wrapper\nline 0001");
    }

    @Test
    void answersWithTheApplicationsErrorPageWhenItPassesExcInfo() {
        HttpResponse<String> response = http().get("/wsgi/error");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("custom error page\n");
    }

    @Test
    void answersWithTheErrorPageOfAnApplicationThatPassesExcInfoOnItsFirstCall() {
        HttpResponse<String> response = http().get("/wsgi/error-first");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("first-call error page\n");
    }

    @Test
    void answersHeadForAPageThatReturnsItsBodyWithTheBytesOfItsContentType() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write("HEAD /wsgi/page HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 200").contains("\r\nContent-Type: text/html; charset=utf-8\r\n")
                .contains("\r\nContent-Length: 14\r\n").endsWith("\r\n\r\n");
        }
    }

    @Test
    void answersAnUnknownPathWithTheApplicationsOwn404() {
        HttpResponse<String> response = http().get("/wsgi/nowhere");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("no such route\n");
    }

    private static byte[] binaryLines() {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (int line = 0; line < 40; line++) {
            for (int value = 0; value < 256; value++) {
                if (value != '\n') {
                    lines.write((value + line) % 256 == '\n' ? 'x' : (value + line) % 256);
                }
            }
            lines.write('\n');
        }
        return lines.toByteArray();
    }
}
