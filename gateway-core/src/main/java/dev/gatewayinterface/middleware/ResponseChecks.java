package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.Syntax.quote;

import dev.gatewayinterface.Header;
import java.util.List;

/**
 * Check the arguments an application passes to {@code start_response} (docs/SPEC.md §5.1–§5.3 and the
 * stricter rules of §11.2), before the server sees them.
 */
final class ResponseChecks {

    private static final String[] HOP_BY_HOP = {"Connection", "Keep-Alive", "Proxy-Authenticate",
        "Proxy-Authorization", "TE", "Trailer", "Trailers", "Transfer-Encoding", "Upgrade"};

    private ResponseChecks() {
    }

    /** Return the code of a {@code "NNN Reason"} status, or throw {@link ContractRule#STATUS_LINE}. */
    static int statusCode(String status, Violations violations) {
        if (status == null || status.length() < 4 || status.charAt(3) != ' ' || !Syntax.digits(status, 0, 3)) {
            throw violations.of(ContractRule.STATUS_LINE,
                    "status " + quote(status) + " is not three digits, a space and a reason phrase");
        }
        int code = (status.charAt(0) - '0') * 100 + (status.charAt(1) - '0') * 10 + (status.charAt(2) - '0');
        if (code < 200 || code > 599) {
            throw violations.of(ContractRule.STATUS_LINE, "status " + quote(status)
                    + " has a code outside 200-599; 1xx statuses are interim, never an application's final one");
        }
        if (!Syntax.isFieldText(status)) {
            throw violations.of(ContractRule.STATUS_LINE,
                    "status " + quote(status) + " holds a control character or a char above U+00FF");
        }
        return code;
    }

    /**
     * Check every header and return the declared {@code Content-Length}.
     * @return the declared length, or {@code -1} when the headers declare none
     */
    static long checkHeaders(String status, int code, List<Header> headers, Violations violations) {
        if (headers == null) {
            throw violations.of(ContractRule.HEADER_LIST, "the headers for status " + quote(status) + " are null, not a list");
        }
        long declared = -1;
        String contentType = null;
        for (Header header : headers) {
            if (header == null) {
                throw violations.of(ContractRule.HEADER_LIST, "the headers for status " + quote(status) + " hold null");
            }
            checkHeader(header, violations);
            if (header.is("Content-Length")) {
                declared = contentLength(header.value(), declared, violations);
            }
            else if (header.is("Content-Type")) {
                contentType = header.value();
            }
        }
        boolean bodiless = code == 204 || code == 304;
        if (bodiless && contentType != null) {
            throw violations.of(ContractRule.CONTENT_TYPE, "status " + quote(status) + " has no content, yet carries "
                    + "Content-Type " + quote(contentType));
        }
        if (!bodiless && contentType == null) {
            throw violations.of(ContractRule.CONTENT_TYPE, "status " + quote(status) + " needs a Content-Type header");
        }
        return declared;
    }

    private static void checkHeader(Header header, Violations violations) {
        String name = header.name();
        if (!Syntax.isToken(name)) {
            throw violations.of(ContractRule.HEADER_NAME, "header name " + quote(name) + " is not an HTTP token");
        }
        if (!Syntax.isFieldText(header.value())) {
            throw violations.of(ContractRule.HEADER_VALUE, "header " + name + " has the value " + quote(header.value())
                    + ", which holds CR, LF, another control character or a char above U+00FF");
        }
        if (header.is("Status")) {
            throw violations.of(ContractRule.HEADER_STATUS, "header " + quote(name) + " with the value "
                    + quote(header.value()) + " is not allowed: the status goes in start_response's first argument");
        }
        for (String hopByHop : HOP_BY_HOP) {
            if (header.is(hopByHop)) {
                throw violations.of(ContractRule.HEADER_HOP_BY_HOP,
                        "header " + quote(name) + " is hop-by-hop: the server manages the connection");
            }
        }
    }

    private static long contentLength(String value, long earlier, Violations violations) {
        if (!Syntax.isDecimal(value)) {
            throw violations.of(ContractRule.HEADER_CONTENT_LENGTH,
                    "Content-Length " + quote(value) + " is not a non-negative decimal integer");
        }
        long length = Long.parseLong(value);
        if (earlier >= 0 && earlier != length) {
            throw violations.of(ContractRule.HEADER_CONTENT_LENGTH, "Content-Length " + quote(value)
                    + " disagrees with the earlier Content-Length " + quote(Long.toString(earlier)));
        }
        return length;
    }
}
