package dev.gatewayinterface.middleware;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answer a request with a short plain-text page, the way the engine answers a failure (docs/SPEC.md §7): the
 * status line and a newline as the body, {@code Content-Type: text/plain; charset=utf-8} and its
 * {@code Content-Length}. Middleware of this package answers 401, 404, 405 and the like with it, so that every
 * such page looks alike and reveals nothing.
 */
public final class PlainText {

    /** The content type of every page made here. */
    public static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    private PlainText() {
    }

    /**
     * Start the response and return its body: the status line, or nothing for {@code HEAD}, whose headers still
     * carry the length {@code GET} would have had (§6.4).
     * @param environ the request's environ, for its method
     * @param startResponse the request's {@code start_response}
     * @param status the status line, such as {@code "404 Not Found"}
     * @param extra headers to send too, such as {@code Allow}
     * @return the body to return from the application
     */
    public static List<byte[]> respond(Map<String, Object> environ, StartResponse startResponse, String status,
            Header... extra) {
        return respond(environ, startResponse, status, status + "\n", null, extra);
    }

    /**
     * Start the response with a body of one's own, or with {@code excInfo} to replace a response an application
     * started before it failed (§5.4).
     * @param environ the request's environ, for its method
     * @param startResponse the request's {@code start_response}
     * @param status the status line
     * @param text the body, sent as UTF-8
     * @param excInfo the failure that replaces an earlier response, or {@code null}
     * @param extra headers to send too
     * @return the body to return from the application
     */
    public static List<byte[]> respond(Map<String, Object> environ, StartResponse startResponse, String status,
            String text, Throwable excInfo, Header... extra) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        List<Header> headers = new ArrayList<>(List.of(new Header("Content-Type", CONTENT_TYPE),
                new Header("Content-Length", Integer.toString(body.length))));
        headers.addAll(List.of(extra));
        startResponse.start(status, headers, excInfo);
        return "HEAD".equals(environ.get(Environ.REQUEST_METHOD)) ? List.of() : List.of(body);
    }
}
