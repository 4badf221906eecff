package dev.gatewayinterface.test.conformance;

import static dev.gatewayinterface.test.conformance.Cases.readOrRefused;
import static dev.gatewayinterface.test.conformance.Cases.refused;
import static dev.gatewayinterface.test.conformance.Cases.request;

import dev.gatewayinterface.test.conformance.RequestCase.Kind;
import java.util.List;

/**
 * List requests whose body length is ambiguous or malformed: {@code Content-Length} and {@code Transfer-Encoding}
 * shapes from RFC 9112 §6 and from the request-smuggling advisories against gunicorn (CVE-2024-1135, CVE-2024-6827)
 * and waitress (CVE-2019-16786), each refused with the connection closed behind it.
 */
final class FramingCases {

    private static final String GUNICORN_TE = "gunicorn CVE-2024-1135";

    private static final String GUNICORN_TE_CL = "gunicorn CVE-2024-6827";

    private static final String WAITRESS_TE = "waitress CVE-2019-16786";

    private FramingCases() {
    }

    static List<RequestCase> all() {
        return List.of(
                refused(Kind.AMBIGUOUS, "two Content-Lengths that agree", "RFC 9112 §6.3",
                        post("Content-Length: 5\r\nContent-Length: 5\r\n", "hello"), 400),
                refused(Kind.AMBIGUOUS, "two Content-Lengths that differ", "RFC 9112 §6.3",
                        post("Content-Length: 5\r\nContent-Length: 6\r\n", "hello!"), 400),
                refused(Kind.AMBIGUOUS, "a Content-Length list", "RFC 9110 §8.6",
                        post("Content-Length: 5, 5\r\n", "hello"), 400),
                refused(Kind.MALFORMED, "a Content-Length with a plus sign", "RFC 9110 §8.6",
                        post("Content-Length: +5\r\n", "hello"), 400),
                refused(Kind.MALFORMED, "a negative Content-Length", "RFC 9110 §8.6",
                        post("Content-Length: -1\r\n", "hello"), 400),
                refused(Kind.MALFORMED, "an empty Content-Length", "RFC 9110 §8.6", post("Content-Length: \r\n", "hello"),
                        400),
                refused(Kind.MALFORMED, "a hexadecimal Content-Length", "RFC 9110 §8.6",
                        post("Content-Length: 0x5\r\n", "hello"), 400),
                refused(Kind.MALFORMED, "a Content-Length that is no number", "RFC 9110 §8.6",
                        post("Content-Length: five\r\n", "hello"), 400),
                refused(Kind.MALFORMED, "a Content-Length with a space inside", "RFC 9110 §8.6",
                        post("Content-Length: 1 0\r\n", "helloworld"), 400),
                refused(Kind.MALFORMED, "a Content-Length with trailing letters", "RFC 9110 §8.6",
                        post("Content-Length: 5a\r\n", "hello"), 400),
                refused(Kind.MALFORMED, "a Content-Length of twenty digits", "RFC 9110 §8.6",
                        post("Content-Length: 99999999999999999999\r\n", "hello"), 400),
                refused(Kind.AMBIGUOUS, "Transfer-Encoding xchunked", "RFC 9112 §6.1, " + GUNICORN_TE,
                        post("Transfer-Encoding: xchunked\r\n", "5\r\nhello\r\n0\r\n\r\n"), 501),
                refused(Kind.AMBIGUOUS, "Transfer-Encoding chunkedx", "RFC 9112 §6.1, " + GUNICORN_TE,
                        post("Transfer-Encoding: chunkedx\r\n", "5\r\nhello\r\n0\r\n\r\n"), 501),
                refused(Kind.AMBIGUOUS, "Transfer-Encoding identity", "RFC 9112 §6.1, " + WAITRESS_TE,
                        post("Transfer-Encoding: identity\r\nContent-Length: 5\r\n", "hello"), 501),
                refused(Kind.AMBIGUOUS, "an empty Transfer-Encoding", "RFC 9112 §6.1, " + GUNICORN_TE,
                        post("Transfer-Encoding: \r\nContent-Length: 5\r\n", "hello"), 400),
                refused(Kind.AMBIGUOUS, "an unknown coding before chunked", "RFC 9112 §6.1, " + WAITRESS_TE,
                        post("Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n"), 501),
                refused(Kind.AMBIGUOUS, "identity before chunked", "RFC 9112 §6.1, " + WAITRESS_TE,
                        post("Transfer-Encoding: identity, chunked\r\n", "5\r\nhello\r\n0\r\n\r\n"), 501),
                refused(Kind.AMBIGUOUS, "chunked before another coding", "RFC 9112 §6.1, " + GUNICORN_TE,
                        post("Transfer-Encoding: chunked, gzip\r\n", "0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "chunked given twice in one header", "RFC 9112 §6.1, " + GUNICORN_TE,
                        post("Transfer-Encoding: chunked, chunked\r\n", "5\r\nhello\r\n0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "Transfer-Encoding chunked twice", "RFC 9112 §6.1, " + GUNICORN_TE,
                        post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "Transfer-Encoding chunked, then identity", "RFC 9112 §6.1, " + GUNICORN_TE,
                        post("Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n", "0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "a quoted chunked", "RFC 9112 §6.1",
                        post("Transfer-Encoding: \"chunked\"\r\n", "0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "chunked with a parameter", "RFC 9112 §7",
                        post("Transfer-Encoding: chunked;q=1\r\n", "0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "chunked after a vertical tab", "RFC 9110 §5.6.3",
                        post("Transfer-Encoding: \u000bchunked\r\n", "0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "Transfer-Encoding on HTTP/1.0", "RFC 9112 §6.1",
                        "POST {path} HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                refused(Kind.AMBIGUOUS, "a space before the Transfer-Encoding colon", "RFC 9112 §5.1",
                        post("Transfer-Encoding : chunked\r\n", "0\r\n\r\n"), 400),
                readOrRefused("Content-Length and chunked", "RFC 9112 §6.3, " + GUNICORN_TE_CL,
                        post("Content-Length: 3\r\nTransfer-Encoding: chunked\r\n", "5\r\nhello\r\n0\r\n\r\n"),
                        "hello", 200, 400),
                readOrRefused("chunked and Content-Length", "RFC 9112 §6.3, " + GUNICORN_TE_CL,
                        post("Transfer-Encoding: chunked\r\nContent-Length: 30\r\n", "5\r\nhello\r\n0\r\n\r\n"),
                        "hello", 200, 400),
                refused(Kind.AMBIGUOUS, "Content-Length and chunked on HTTP/1.0", "RFC 9112 §6.1, " + GUNICORN_TE_CL,
                        "POST {path} HTTP/1.0\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nhello", 400,
                        501));
    }

    private static String post(String headers, String body) {
        return request("POST", headers, body);
    }
}
