package dev.gatewayinterface.engine;

import dev.gatewayinterface.Header;
import java.util.List;

/**
 * Tell a binding how many body bytes make a response whole, from what the engine passed to
 * {@link Exchange#sendHeaders}: a binding that knows it can hand the last bytes to its server without waiting for
 * the socket, the response then being complete (docs/SPEC.md §12.4, §17.4).
 */
public final class ResponseLength {

    private ResponseLength() {
    }

    /**
     * Return how many body bytes make the response whole: none for a response to {@code HEAD} and for 1xx, 204 and
     * 304, its {@code Content-Length} otherwise, or -1 when that is unknown and only the body's end tells.
     * @param head whether the request was {@code HEAD}
     * @param status the status code
     * @param headers the headers as the engine sends them
     * @return the length, or -1
     */
    public static long of(boolean head, int status, List<Header> headers) {
        if (head || status < 200 || status == 204 || status == 304) {
            return 0;
        }
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase("Content-Length")) {
                try {
                    return Long.parseLong(header.value().trim());
                }
                catch (NumberFormatException ex) {
                    // The engine checked the header; should it still not parse, the length stays unknown.
                    return -1;
                }
            }
        }
        return -1;
    }
}
