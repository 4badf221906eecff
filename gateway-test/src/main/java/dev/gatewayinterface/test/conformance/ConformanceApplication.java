package dev.gatewayinterface.test.conformance;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.StartResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Answer every request with the body it read, so that {@link RequestConformance} can check what reached an
 * application: the body echoed byte for byte, the query in {@value #QUERY_HEADER}, and in {@value #ENVIRON_HEADER}
 * either {@code clean} or the first {@code HTTP_*} key whose value holds CR, LF or NUL, which no request may carry
 * into an environ (docs/SPEC.md §3.3). Mount it in the deployment under test, at the path the suite is given.
 */
public final class ConformanceApplication implements Application {

    /** The response header naming what the environ held. */
    public static final String ENVIRON_HEADER = "X-Conformance-Environ";

    /** The response header echoing {@code QUERY_STRING}. */
    public static final String QUERY_HEADER = "X-Conformance-Query";

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws IOException {
        byte[] body = ((Input) environ.get(Environ.WSGI_INPUT)).read();
        startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream"),
                new Header(ENVIRON_HEADER, environCheck(environ)),
                new Header(QUERY_HEADER, String.valueOf(environ.getOrDefault(Environ.QUERY_STRING, "")))));
        return List.of(body);
    }

    /** Name the first request header whose value could split a header or a log line, or say the environ is clean. */
    private static String environCheck(Map<String, Object> environ) {
        for (Map.Entry<String, Object> entry : environ.entrySet()) {
            if (entry.getKey().startsWith("HTTP_") && entry.getValue() instanceof String value
                    && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0)) {
                return "dirty " + entry.getKey();
            }
        }
        return "clean";
    }
}
