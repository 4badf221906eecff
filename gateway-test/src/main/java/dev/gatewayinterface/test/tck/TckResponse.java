package dev.gatewayinterface.test.tck;

import dev.gatewayinterface.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Report what a client received for a scenario's request.
 *
 * @param status the status code
 * @param headers the response headers, in order
 * @param body the body bytes received
 * @param complete {@code false} if the response was cut off: the connection closed (or the in-process
 *     server aborted) before the body ended
 * @param next the response to a pipelined second request, or {@code null} if none was sent or read
 */
public record TckResponse(int status, List<Header> headers, byte[] body, boolean complete, TckResponse next) {

    /**
     * Return the first value of a header.
     * @param name the name, in any case
     * @return the value, or {@code null}
     */
    public String header(String name) {
        return headers.stream().filter(header -> header.is(name)).map(Header::value).findFirst().orElse(null);
    }

    /**
     * Return the body as latin-1 text, one char per byte.
     * @return the text
     */
    public String text() {
        return new String(body, StandardCharsets.ISO_8859_1);
    }
}
