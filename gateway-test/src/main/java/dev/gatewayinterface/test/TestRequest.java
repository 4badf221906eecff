package dev.gatewayinterface.test;

import dev.gatewayinterface.Header;
import java.util.List;
import java.util.Map;

/**
 * Describe a request for {@link TestClient}: what a client would send.
 *
 * @param method the method
 * @param target the raw target: path and optional {@code ?query}, percent-encoded as sent
 * @param scheme {@code "http"} or {@code "https"}
 * @param headers the request headers, in order; {@code Host} is added
 * @param body the body
 * @param chunked whether the body is sent without a length, as a chunked upload
 * @param following bytes behind the body on the connection (a pipelined request), which the application
 *     must not read
 * @param environ environ entries put over the ones the server builds
 */
public record TestRequest(String method, String target, String scheme, List<Header> headers, byte[] body,
        boolean chunked, byte[] following, Map<String, Object> environ) {

    /**
     * Create a request, copying its lists.
     * @param method the method
     * @param target the raw target
     * @param scheme the scheme
     * @param headers the headers
     * @param body the body
     * @param chunked whether the body length is unknown
     * @param following bytes behind the body
     * @param environ environ overrides
     */
    public TestRequest {
        if (target == null || !target.startsWith("/")) {
            throw new IllegalArgumentException("A request target starts with '/', not '" + target + "'");
        }
        headers = List.copyOf(headers);
        environ = Map.copyOf(environ);
        body = body.clone();
        following = following.clone();
    }
}
