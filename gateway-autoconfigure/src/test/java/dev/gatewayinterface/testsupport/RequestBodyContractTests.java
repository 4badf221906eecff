package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Check that request bodies reach mounted applications whole, whoever else is on the way: chunked uploads,
 * {@code Expect: 100-continue}, forms and multipart bodies, a CSRF check and a controller. Each stack runs these
 * tests through a subclass carrying its own Spring Boot test annotation, and adds what its framework does to a form
 * that a CSRF check read first, which differs.
 */
public abstract class RequestBodyContractTests extends ServerTests {

    @Test
    void deChunksAnUploadOfUnknownLength() throws Exception {
        RawHttp.Response response = exchange("POST /echo HTTP/1.1\r\nHost: localhost\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n");
        assertThat(response.head().header("x-environ-content-length")).isEqualTo("null");
        assertThat(response.text()).isEqualTo("hello, world");
    }

    @Test
    void answersExpectContinueBeforeTheBodyIsSent() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            assertThat(http.readHead().status()).isEqualTo(100);
            http.send("body");
            RawHttp.Response response = http.readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("body");
        }
    }

    @Test
    void keepsAFormPutForTheApplication() throws Exception {
        assertThat(echo("PUT", "/echo", "application/x-www-form-urlencoded", "a=1&b=2")).isEqualTo("a=1&b=2");
    }

    @Test
    void keepsAMultipartPostForTheApplication() throws Exception {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"field\"\r\n\r\nvalue\r\n--XyZ--\r\n";
        assertThat(echo("POST", "/echo", "multipart/form-data; boundary=XyZ", body)).isEqualTo(body);
    }

    @Test
    void keepsTheBodyOfAPostThatIsNoFormAndCarriesItsCsrfTokenInAHeader() throws Exception {
        String body = "{\"comment\": \"hi\"}";
        assertThat(echo("POST", "/csrf-echo", "application/json", body, "Cookie: XSRF-TOKEN=token-1",
                "X-XSRF-TOKEN: token-1")).isEqualTo(body);
    }

    @Test
    void stillRefusesAFormWhoseCsrfTokenIsWrong() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send(request("POST", "/csrf-echo", "application/x-www-form-urlencoded", "_csrf=wrong",
                    "Cookie: XSRF-TOKEN=token-1"));
            assertThat(http.readHead().status()).isEqualTo(403);
        }
    }

    @Test
    void letsAControllerBelowTheRootMountReadFormParameters() throws Exception {
        assertThat(echo("POST", "/api/form", "application/x-www-form-urlencoded", "name=bob"))
            .isEqualTo("controller got bob");
    }

    @Test
    void answersAnApplicationThatNeverReadsItsBodyWhileTheClientIsStillSendingIt() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            // Declare far more than is sent, within the body limit: the answer can only come if nothing waited for
            // the whole body.
            http.send("POST /fixed HTTP/1.1\r\nHost: localhost\r\nContent-Length: 8388608\r\n\r\n");
            http.send(new byte[64 * 1024]);
            RawHttp.Response response = http.readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("hello\n");
        }
    }

    /**
     * Send a body to a path on a connection of its own and return the body of the answer, which must succeed.
     * @param method the request method
     * @param path the request target
     * @param contentType the body's type
     * @param body the body, one char a byte
     * @param headers header lines to send besides {@code Host}, {@code Content-Type} and {@code Content-Length}
     * @return the body of the answer, one char a byte
     * @throws Exception if the request fails
     */
    protected String echo(String method, String path, String contentType, String body, String... headers)
            throws Exception {
        RawHttp.Response response = exchange(request(method, path, contentType, body, headers));
        assertThat(response.status()).isEqualTo(200);
        return response.text();
    }

    /**
     * Write a request with a body, as it goes on the wire.
     * @param method the request method
     * @param path the request target
     * @param contentType the body's type
     * @param body the body, one char a byte
     * @param headers header lines to send besides {@code Host}, {@code Content-Type} and {@code Content-Length}
     * @return the request
     */
    protected static String request(String method, String path, String contentType, String body, String... headers) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length() + "\r\n" + headerLines(headers) + "\r\n" + body;
    }
}
