package dev.gatewayinterface.test;

import dev.gatewayinterface.Header;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Report what the server sent for one {@link TestClient} request.
 *
 * @param status the status code
 * @param statusLine the status as the application gave it, such as {@code "200 OK"}
 * @param headers the response headers, in order
 * @param body the body bytes the server sent
 * @param complete {@code false} if the server aborted the response, as a real server closes the connection
 * @param error what the application threw, or {@code null}
 */
public record TestResponse(int status, String statusLine, List<Header> headers, byte[] body, boolean complete,
        Throwable error) {

    /**
     * Return the first value of a header.
     * @param name the header name, in any case
     * @return the value, or {@code null} if the response has no such header
     */
    public String header(String name) {
        return headers.stream().filter(header -> header.is(name)).map(Header::value).findFirst().orElse(null);
    }

    /**
     * Return every value of a header, in order.
     * @param name the header name, in any case
     * @return the values, empty if none
     */
    public List<String> headers(String name) {
        return headers.stream().filter(header -> header.is(name)).map(Header::value).toList();
    }

    /**
     * Return the body as UTF-8 text.
     * @return the text
     */
    public String text() {
        return text(StandardCharsets.UTF_8);
    }

    /**
     * Return the body as text in the given charset.
     * @param charset the charset
     * @return the text
     */
    public String text(Charset charset) {
        return new String(body, charset);
    }
}
