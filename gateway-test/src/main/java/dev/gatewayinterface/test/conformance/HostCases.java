package dev.gatewayinterface.test.conformance;

import static dev.gatewayinterface.test.conformance.Cases.HOST;
import static dev.gatewayinterface.test.conformance.Cases.readOrRefusedMayKeep;
import static dev.gatewayinterface.test.conformance.Cases.refused;
import static dev.gatewayinterface.test.conformance.Cases.valid;

import dev.gatewayinterface.test.conformance.RequestCase.Kind;
import java.util.List;

/**
 * List requests whose {@code Host} is missing, repeated, malformed or at odds with the target's authority, which a
 * proxy in front and the server behind could route to different hosts (RFC 9112 §3.2, RFC 9110 §7.2).
 */
final class HostCases {

    private HostCases() {
    }

    static List<RequestCase> all() {
        return List.of(
                refused(Kind.AMBIGUOUS, "two Host headers", "RFC 9112 §3.2", "GET {path} HTTP/1.1\r\n" + HOST + HOST
                        + "\r\n", 400),
                refused(Kind.AMBIGUOUS, "two Host headers that differ", "RFC 9112 §3.2",
                        "GET {path} HTTP/1.1\r\nHost: localhost\r\nHost: other\r\n\r\n", 400),
                refused(Kind.MALFORMED, "HTTP/1.1 without Host", "RFC 9112 §3.2", "GET {path} HTTP/1.1\r\n\r\n", 400),
                refused(Kind.MALFORMED, "an empty Host", "RFC 9110 §7.2", "GET {path} HTTP/1.1\r\nHost: \r\n\r\n", 400),
                refused(Kind.AMBIGUOUS, "a Host with userinfo", "RFC 9110 §7.2",
                        "GET {path} HTTP/1.1\r\nHost: user@localhost\r\n\r\n", 400),
                refused(Kind.MALFORMED, "a Host with a bad port", "RFC 9110 §7.2",
                        "GET {path} HTTP/1.1\r\nHost: localhost:8o\r\n\r\n", 400),
                refused(Kind.MALFORMED, "a Host with a port of six digits", "RFC 9110 §7.2",
                        "GET {path} HTTP/1.1\r\nHost: localhost:123456\r\n\r\n", 400),
                refused(Kind.MALFORMED, "a Host with a space", "RFC 9110 §7.2",
                        "GET {path} HTTP/1.1\r\nHost: local host\r\n\r\n", 400),
                refused(Kind.AMBIGUOUS, "a Host with a path", "RFC 9110 §7.2",
                        "GET {path} HTTP/1.1\r\nHost: localhost/admin\r\n\r\n", 400),
                refused(Kind.AMBIGUOUS, "a Host with a comma", "RFC 9110 §7.2",
                        "GET {path} HTTP/1.1\r\nHost: localhost,other\r\n\r\n", 400),
                refused(Kind.MALFORMED, "an IPv6 Host without brackets", "RFC 9110 §7.2",
                        "GET {path} HTTP/1.1\r\nHost: ::1\r\n\r\n", 400),
                refused(Kind.MALFORMED, "an IPv6 Host with a bad digit", "RFC 9110 §7.2",
                        "GET {path} HTTP/1.1\r\nHost: [::g]\r\n\r\n", 400),
                refused(Kind.AMBIGUOUS, "an absolute target naming another host", "RFC 9112 §3.2.2",
                        "GET http://other{path} HTTP/1.1\r\n" + HOST + "\r\n", 400),
                readOrRefusedMayKeep("an absolute target with userinfo", "RFC 9110 §4.2.4",
                        "GET http://user@localhost{path} HTTP/1.1\r\n" + HOST + "\r\n", null, 200, 400),
                readOrRefusedMayKeep("an absolute https target with userinfo and a port", "RFC 9110 §4.2.4",
                        "GET https://user:pw@localhost:8080{path} HTTP/1.1\r\nHost: localhost:8080\r\n\r\n", null, 200,
                        400),
                refused(Kind.AMBIGUOUS, "a Host with an underscore", "RFC 9110 §7.2",
                        "GET {path} HTTP/1.1\r\nHost: local_host\r\n\r\n", 400),
                refused(Kind.AMBIGUOUS, "a Host with a sub-delim", "RFC 9110 §7.2",
                        "GET {path} HTTP/1.1\r\nHost: local!host\r\n\r\n", 400),
                refused(Kind.MALFORMED, "an absolute target without a host", "RFC 9112 §3.2.2",
                        "GET http://{path} HTTP/1.1\r\n" + HOST + "\r\n", 400),
                valid("a Host header name in upper case", "RFC 9110 §5.1",
                        "GET {path} HTTP/1.1\r\nHOST: localhost\r\n\r\n"),
                valid("a tab before the Host", "RFC 9112 §5.1", "GET {path} HTTP/1.1\r\nHost:\tlocalhost\r\n\r\n"));
    }
}
