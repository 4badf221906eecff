package dev.gatewayinterface.middleware;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Build the small applications and headers the validator's tests serve.
 */
final class TestApps {

    private TestApps() {
    }

    /** Return headers that satisfy §5.2 and §11.2 for a 200: a {@code Content-Type} and the given extras. */
    static List<Header> text(Header... extra) {
        List<Header> headers = new ArrayList<>(List.of(new Header("Content-Type", "text/plain")));
        headers.addAll(List.of(extra));
        return headers;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Return an application that answers 200 with the given headers and chunks. */
    static Application responding(List<Header> headers, String... chunks) {
        return respondingWith("200 OK", headers, chunks);
    }

    /** Return an application that answers with the given status, headers and chunks. */
    static Application respondingWith(String status, List<Header> headers, String... chunks) {
        return (environ, start) -> {
            start.start(status, headers);
            List<byte[]> body = new ArrayList<>(chunks.length);
            for (String chunk : chunks) {
                body.add(bytes(chunk));
            }
            return body;
        };
    }

    /** Return an application that answers 200 text/plain {@code "ok"}. */
    static Application ok() {
        return responding(text(), "ok");
    }
}
