package dev.gatewayinterface.test.conformance;

import static dev.gatewayinterface.test.conformance.Cases.HOST;
import static dev.gatewayinterface.test.conformance.Cases.get;
import static dev.gatewayinterface.test.conformance.Cases.readOrRefusedMayKeep;
import static dev.gatewayinterface.test.conformance.Cases.refused;

import dev.gatewayinterface.test.conformance.RequestCase.Kind;
import java.util.List;

/**
 * List request lines with a version a server cannot serve or a malformed one, and line endings other than CRLF
 * (RFC 9112 §2.2, §2.3, §3; waitress CVE-2019-16785).
 */
final class LineCases {

    private static final String WAITRESS_LF = "RFC 9112 §2.2, waitress CVE-2019-16785";

    private LineCases() {
    }

    static List<RequestCase> all() {
        return List.of(
                refused(Kind.MALFORMED, "version HTTP/1.2", "RFC 9112 §2.3", version("HTTP/1.2"), 505),
                refused(Kind.MALFORMED, "version HTTP/2.0 over HTTP/1 framing", "RFC 9112 §2.3", version("HTTP/2.0"), 505),
                refused(Kind.MALFORMED, "version HTTP/2.1", "RFC 9112 §2.3", version("HTTP/2.1"), 505),
                refused(Kind.MALFORMED, "version HTTP/3.0", "RFC 9112 §2.3", version("HTTP/3.0"), 505),
                refused(Kind.MALFORMED, "version HTTP/1.10", "RFC 9112 §2.3", version("HTTP/1.10"), 505),
                refused(Kind.MALFORMED, "version HTTP/01.1", "RFC 9112 §2.3", version("HTTP/01.1"), 505),
                refused(Kind.MALFORMED, "version HTTP/1", "RFC 9112 §2.3", version("HTTP/1"), 505),
                refused(Kind.MALFORMED, "version HTTPS/1.1", "RFC 9112 §2.3", version("HTTPS/1.1"), 400),
                refused(Kind.AMBIGUOUS, "a lower-case version", "RFC 9112 §2.3", version("http/1.1"), 400),
                refused(Kind.AMBIGUOUS, "a mixed-case version", "RFC 9112 §2.3", version("Http/1.1"), 400),
                refused(Kind.MALFORMED, "a method that is no token", "RFC 9110 §9.1",
                        "GE(T {path} HTTP/1.1\r\n" + HOST + "\r\n", 400),
                refused(Kind.MALFORMED, "a NUL in the request line", "RFC 9112 §3",
                        "GET {path}\u0000 HTTP/1.1\r\n" + HOST + "\r\n", 400),
                refused(Kind.AMBIGUOUS, "a bare CR ending the request line", "RFC 9112 §2.2",
                        "GET {path} HTTP/1.1\r" + HOST + "\r\n", 400),
                readOrRefusedMayKeep("two spaces after the method", "RFC 9112 §3",
                        "GET  {path} HTTP/1.1\r\n" + HOST + "\r\n", null, 200, 400),
                readOrRefusedMayKeep("bare LF line endings", WAITRESS_LF,
                        "GET {path} HTTP/1.1\n" + HOST.replace("\r\n", "\n") + "\n", null, 200, 400),
                readOrRefusedMayKeep("a bare LF after a header line", WAITRESS_LF,
                        "GET {path} HTTP/1.1\r\n" + HOST + "X-A: 1\n\r\n", null, 200, 400),
                readOrRefusedMayKeep("a bare LF ending the head", WAITRESS_LF,
                        "GET {path} HTTP/1.1\r\n" + HOST + "\n", null, 200, 400),
                refused(Kind.AMBIGUOUS, "a bare CR in a header value", "RFC 9112 §2.2", get("X-A: a\rb\r\n"), 400),
                refused(Kind.AMBIGUOUS, "a bare CR ending a header line", "RFC 9112 §2.2", get("X-A: 1\rX-B: 2\r\n"),
                        400));
    }

    private static String version(String version) {
        return "GET {path} " + version + "\r\n" + HOST + "\r\n";
    }
}
