package dev.gatewayinterface.engine;

import dev.gatewayinterface.Header;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Check what an application passes to {@code start_response} (docs/SPEC.md §5.1–§5.3), quoting the
 * offending value in each message.
 */
final class ResponseRules {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade");

    private ResponseRules() {
    }

    /**
     * Parse a status line of the form {@code "NNN Reason"} and return its code.
     * @throws IllegalArgumentException if the status breaks §5.1
     */
    static int statusCode(String status) {
        if (status == null) {
            throw new IllegalArgumentException("status must not be null (SPEC §5.1)");
        }
        if (status.length() < 4 || status.charAt(3) != ' ' || !digit(status.charAt(0)) || !digit(status.charAt(1))
                || !digit(status.charAt(2))) {
            throw new IllegalArgumentException(
                    "status " + quote(status) + " is not three digits, a space and a reason phrase (SPEC §5.1)");
        }
        int code = (status.charAt(0) - '0') * 100 + (status.charAt(1) - '0') * 10 + (status.charAt(2) - '0');
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("status " + quote(status) + " has a code outside 200-599 (SPEC §5.1)");
        }
        if (code < 200) {
            // Sent as the final status, a 1xx leaves the connection in a state the client and any proxy disagree
            // on: after a 101, Tomcat goes on parsing HTTP; that is how WebSocket smuggling gets past a proxy.
            throw new IllegalArgumentException("status " + quote(status)
                    + " is interim (1xx); the application's status is the final one, 200-599 (SPEC §5.1)");
        }
        if (!isFieldText(status)) {
            throw new IllegalArgumentException("status " + quote(status)
                    + " contains a control character or a char above U+00FF (SPEC §5.1)");
        }
        return code;
    }

    /**
     * Check every header and return the declared {@code Content-Length}.
     * @return the declared length, or {@code -1} when the headers give none
     * @throws IllegalArgumentException if a header breaks §5.2 or §5.3
     */
    static long checkHeaders(List<Header> headers) {
        if (headers == null) {
            throw new IllegalArgumentException("headers must be a list, not null (SPEC §5.2)");
        }
        long contentLength = -1;
        for (Header header : headers) {
            if (header == null) {
                throw new IllegalArgumentException("headers must not contain null (SPEC §5.2)");
            }
            String name = header.name();
            if (!isToken(name)) {
                throw new IllegalArgumentException("header name " + quote(name) + " is not an HTTP token (SPEC §5.2)");
            }
            if (!isFieldText(header.value())) {
                throw new IllegalArgumentException("header " + name + " value " + quote(header.value())
                        + " contains CR, LF, another control character or a char above U+00FF (SPEC §5.2)");
            }
            if (HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + quote(name)
                        + " is hop-by-hop: the server manages the connection (SPEC §5.3)");
            }
            if (header.is("Content-Length")) {
                long length = parseLength(header.value());
                if (contentLength >= 0 && contentLength != length) {
                    throw new IllegalArgumentException(
                            "Content-Length is given twice with different values (SPEC §5.2)");
                }
                contentLength = length;
            }
        }
        return contentLength;
    }

    private static long parseLength(String value) {
        if (value.isEmpty() || value.length() > 18) {
            throw new IllegalArgumentException(
                    "Content-Length " + quote(value) + " is not a non-negative decimal integer (SPEC §5.2)");
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!digit(c)) {
                throw new IllegalArgumentException(
                        "Content-Length " + quote(value) + " is not a non-negative decimal integer (SPEC §5.2)");
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Tell whether text is visible latin-1 with spaces and tabs: no CR, LF or other control character. */
    static boolean isFieldText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Quote a value for an error message, escaping control characters so the message stays one line. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '"' -> out.append("\\\"");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\x%02x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
