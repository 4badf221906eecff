package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.RawHttp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Check that request bodies reach mounted applications on Reactor Netty whole: chunked uploads,
 * {@code Expect: 100-continue}, forms and multipart bodies, and what a CSRF check that reads the form does.
 */
@ReactiveGatewayTest
class ReactiveRequestBodyTests {

    @LocalServerPort
    int port;

    @Test
    void deChunksAnUploadOfUnknownLength() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.header("x-environ-content-length")).isEqualTo("null");
            assertThat(http.readBody(head)).asString().isEqualTo("hello, world");
        }
    }

    @Test
    void answersExpectContinueBeforeTheBodyIsSent() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            assertThat(http.readHead().status()).isEqualTo(100);
            http.send("body");
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(http.readBody(head)).asString().isEqualTo("body");
        }
    }

    @Test
    void keepsAFormPutForTheApplication() throws Exception {
        assertThat(echo("PUT", "/echo", "application/x-www-form-urlencoded", "a=1&b=2", "")).isEqualTo("a=1&b=2");
    }

    @Test
    void keepsAMultipartPostForTheApplication() throws Exception {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"field\"\r\n\r\nvalue\r\n--XyZ--\r\n";
        assertThat(echo("POST", "/echo", "multipart/form-data; boundary=XyZ", body, "")).isEqualTo(body);
    }

    @Test
    void keepsTheBodyOfAPostThatIsNoFormAndCarriesItsCsrfTokenInAHeader() throws Exception {
        String body = "{\"comment\": \"hi\"}";
        assertThat(echo("POST", "/csrf-echo", "application/json", body,
                "Cookie: XSRF-TOKEN=token-1\r\nX-XSRF-TOKEN: token-1\r\n")).isEqualTo(body);
    }

    @Test
    void failsTheReadOfAFormBodyThatTheCsrfCheckConsumedInsteadOfPassingItEmpty(CapturedOutput output)
            throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send(request("POST", "/csrf-echo", "application/x-www-form-urlencoded", "_csrf=token-1&comment=hi",
                    "Cookie: XSRF-TOKEN=token-1\r\n"));
            assertThat(http.readHead().status()).isEqualTo(500);
        }
        assertThat(output).contains("the client ended the request body after 0 of its 24 bytes");
    }

    @Test
    void stillRefusesAFormWhoseCsrfTokenIsWrong() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send(request("POST", "/csrf-echo", "application/x-www-form-urlencoded", "_csrf=wrong",
                    "Cookie: XSRF-TOKEN=token-1\r\n"));
            assertThat(http.readHead().status()).isEqualTo(403);
        }
    }

    @Test
    void letsAControllerBelowTheRootMountReadFormParameters() throws Exception {
        assertThat(echo("POST", "/api/form", "application/x-www-form-urlencoded", "name=bob", ""))
            .isEqualTo("controller got bob");
    }

    @Test
    void answersAnApplicationThatNeverReadsItsBodyWhileTheClientIsStillSendingIt() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            // Declare far more than is sent: the answer can only come if nothing waited for the whole body.
            http.send("POST /fixed HTTP/1.1\r\nHost: localhost\r\nContent-Length: 268435456\r\n\r\n");
            http.send(new byte[64 * 1024]);
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(http.readBody(head)).asString().isEqualTo("hello\n");
        }
    }

    private String echo(String method, String path, String contentType, String body, String extraHeaders)
            throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send(request(method, path, contentType, body, extraHeaders));
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            return new String(http.readBody(head), StandardCharsets.ISO_8859_1);
        }
    }

    private static String request(String method, String path, String contentType, String body, String extraHeaders) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length() + "\r\n" + extraHeaders + "\r\n" + body;
    }
}
