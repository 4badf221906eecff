package dev.gatewayinterface.test.tck;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.StartResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

    /** Read {@code wsgi.input} as {@code reads} says and answer 200 with the pieces read, joined by {@code |}. */
    static Application reading(Reads reads) {
        return reading(new Probe(), reads);
    }

    /** Record the environ, then read {@code wsgi.input} and answer with the pieces read, joined by {@code |}. */
    static Application reading(Probe probe, Reads reads) {
        return (environ, startResponse) -> {
            probe.environ(environ);
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            List<byte[]> pieces = reads.read((Input) environ.get(Environ.WSGI_INPUT));
            for (int i = 0; i < pieces.size(); i++) {
                if (i > 0) {
                    joined.write('|');
                }
                joined.writeBytes(pieces.get(i));
            }
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream")));
            return List.of(joined.toByteArray());
        };
    }

    static Iterable<byte[]> text(StartResponse startResponse, String text) {
        startResponse.start("200 OK", plain());
        return List.of(bytes(text));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<Header> plain() {
        return List.of(new Header("Content-Type", "text/plain"));
    }

    /** Read a request body through {@code wsgi.input}, returning the pieces read in order. */
    @FunctionalInterface
    interface Reads {

        List<byte[]> read(Input input) throws IOException;
    }
}
