package dev.gatewayinterface.demo;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.StartResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Echo the request as JSON: every string-valued environ key, and the body in base64. An operator's tool
 * for seeing what a proxy in front of the server actually forwards, like httpbin's {@code /anything}.
 *
 * <p>Written to be copied: it never reflects credentials ({@code Authorization} and {@code Cookie}, whose
 * HttpOnly cookies any script on the origin could otherwise read back), and it reads at most
 * {@value #MAX_BODY} body bytes, answering 413 beyond, so that one large request cannot exhaust the heap.
 */
final class EchoApplication implements Application {

    /** The largest request body echoed: 64 KiB. */
    static final int MAX_BODY = 64 * 1024;

    private static final Set<String> REDACTED = Set.of("HTTP_AUTHORIZATION", "HTTP_COOKIE", "HTTP_PROXY_AUTHORIZATION");

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        byte[] body = ((Input) environ.get(Environ.WSGI_INPUT)).read(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            byte[] refusal = ("413 Content Too Large: /echo takes at most " + MAX_BODY + " bytes\n")
                .getBytes(StandardCharsets.US_ASCII);
            startResponse.start("413 Content Too Large", List.of(new Header("Content-Type", "text/plain"),
                    new Header("Content-Length", Integer.toString(refusal.length))));
            return List.of(refusal);
        }
        StringBuilder json = new StringBuilder(512).append("{\"environ\": {");
        String separator = "";
        for (Map.Entry<String, Object> entry : new TreeMap<>(environ).entrySet()) {
            if (entry.getValue() instanceof String value) {
                String shown = REDACTED.contains(entry.getKey()) ? "[redacted]" : value;
                json.append(separator).append(quote(entry.getKey())).append(": ").append(quote(shown));
                separator = ", ";
            }
        }
        json.append("}, \"body_b64\": ").append(quote(Base64.getEncoder().encodeToString(body))).append("}\n");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        startResponse.start("200 OK", List.of(new Header("Content-Type", "application/json"),
                new Header("Content-Length", Integer.toString(bytes.length))));
        return List.of(bytes);
    }

    /** Quote a native string as JSON; each char stands for one byte, so it is written as U+0000-U+00FF. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            }
            else if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04x", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
