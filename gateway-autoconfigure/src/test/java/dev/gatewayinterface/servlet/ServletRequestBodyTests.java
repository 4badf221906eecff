package dev.gatewayinterface.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.RawHttp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Check that request bodies reach mounted applications whole, whoever else is on the way: chunked
 * uploads, {@code Expect: 100-continue}, Spring's form and multipart handling, a CSRF filter.
 */
@ServletGatewayTest
class ServletRequestBodyTests {

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
        assertThat(echo("PUT", "application/x-www-form-urlencoded", "a=1&b=2", "")).isEqualTo("a=1&b=2");
    }

    @Test
    void keepsAMultipartPostForTheApplication() throws Exception {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"field\"\r\n\r\nvalue\r\n--XyZ--\r\n";
        assertThat(echo("POST", "multipart/form-data; boundary=XyZ", body, "")).isEqualTo(body);
    }

    @Test
    void replaysAFormBodyThatACsrfFilterReadFirst() throws Exception {
        String body = "_csrf=token-1&comment=hi";
        assertThat(echo("POST", "application/x-www-form-urlencoded", body, "Cookie: XSRF-TOKEN=token-1\r\n"))
            .isEqualTo(body);
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
        try (RawHttp http = new RawHttp(port)) {
            http.send(request("POST", "/api/form", "application/x-www-form-urlencoded", "name=bob", ""));
            RawHttp.Head head = http.readHead();
            assertThat(http.readBody(head)).asString().isEqualTo("controller got bob");
        }
    }

    private String echo(String method, String contentType, String body, String extraHeaders) throws Exception {
        String path = extraHeaders.isEmpty() ? "/echo" : "/csrf-echo";
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
