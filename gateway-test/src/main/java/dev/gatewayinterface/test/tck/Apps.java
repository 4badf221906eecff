package dev.gatewayinterface.test.tck;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Build the small applications scenarios share.
 */
final class Apps {

    private Apps() {
    }

    /** Answer 200 with a text body after recording the environ. */
    static Application recording(Probe probe) {
        return (environ, startResponse) -> {
            probe.environ(environ);
            return text(startResponse, "ok");
        };
    }

    static Iterable<byte[]> text(StartResponse startResponse, String text) {
        startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
        return List.of(bytes(text));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<Header> plain() {
        return List.of(new Header("Content-Type", "text/plain"));
    }
}
