package dev.gatewayinterface.test.conformance;

import static dev.gatewayinterface.test.conformance.Cases.HOST;
import static dev.gatewayinterface.test.conformance.Cases.refused;
import static dev.gatewayinterface.test.conformance.Cases.refusedMayKeep;
import static dev.gatewayinterface.test.conformance.Cases.valid;

import dev.gatewayinterface.test.conformance.RequestCase.Kind;
import java.util.List;

/**
 * List request targets outside the forms RFC 9112 §3.2 allows or holding chars RFC 3986 wants percent-encoded, and
 * paths a container and a mount would read as different resources (dot segments, path parameters).
 */
final class TargetCases {

    private TargetCases() {
    }

    static List<RequestCase> all() {
        return List.of(
                refused(Kind.MALFORMED, "an asterisk target for GET", "RFC 9112 §3.2.4", target("*"), 400),
                refusedMayKeep(Kind.MALFORMED, "CONNECT", "RFC 9110 §9.3.6",
                        "CONNECT localhost:443 HTTP/1.1\r\n" + HOST + "\r\n", 400, 404, 405, 501),
                refused(Kind.MALFORMED, "an authority-form target for GET", "RFC 9112 §3.2.3", target("localhost:80"),
                        400),
                refused(Kind.MALFORMED, "a malformed target", "RFC 9112 §3.2",
                        "PUT s://]ufd/: HTTP/1.1\r\n" + HOST + "Content-Length: 0\r\n\r\n", 400),
                refused(Kind.MALFORMED, "a target without a leading slash", "RFC 9112 §3.2.1", target("echo"), 400),
                refused(Kind.MALFORMED, "an ftp absolute target", "RFC 9112 §3.2.2", target("ftp://localhost{path}"),
                        400),
                refused(Kind.MALFORMED, "a raw space in the target", "RFC 9112 §3.2", target("{path}/a b"), 400),
                refused(Kind.MALFORMED, "a raw byte above 0x7F in the path", "RFC 3986 §2", target("{path}/caf\u00e9"),
                        400),
                refused(Kind.MALFORMED, "a raw byte above 0x7F in the query", "RFC 3986 §2",
                        target("{path}?q=\u00e9"), 400),
                refusedMayKeep(Kind.MALFORMED, "a raw quote in the query", "RFC 3986 §3.4",
                        target("{path}?q=\"x\""), 400),
                refused(Kind.MALFORMED, "a raw '<' in the path", "RFC 3986 §3.3", target("{path}/<x>"), 400),
                refused(Kind.MALFORMED, "a raw '{' in the path", "RFC 3986 §3.3", target("{path}/{x}"), 400),
                refused(Kind.MALFORMED, "a raw '|' in the path", "RFC 3986 §3.3", target("{path}/a|b"), 400),
                refused(Kind.MALFORMED, "a raw '^' in the path", "RFC 3986 §3.3", target("{path}/a^b"), 400),
                refused(Kind.MALFORMED, "a raw '`' in the path", "RFC 3986 §3.3", target("{path}/a`b"), 400),
                refused(Kind.AMBIGUOUS, "a backslash in the path", "RFC 3986 §3.3", target("{path}\\x"), 400),
                refused(Kind.MALFORMED, "a fragment in the target", "RFC 9112 §3.2.1", target("{path}#frag"), 400),
                refused(Kind.MALFORMED, "a '%' without two hex digits in the path", "RFC 3986 §2.1",
                        target("{path}/a%zz"), 400),
                refusedMayKeep(Kind.MALFORMED, "a '%' without two hex digits in the query", "RFC 3986 §2.1",
                        target("{path}?q=%zz"), 400),
                refusedMayKeep(Kind.AMBIGUOUS, "a dot-dot segment under the mount", "RFC 3986 §5.2.4",
                        target("{path}/x/../hello"), 400),
                refusedMayKeep(Kind.AMBIGUOUS, "a dot segment under the mount", "RFC 3986 §5.2.4",
                        target("{path}/./hello"), 400),
                refusedMayKeep(Kind.AMBIGUOUS, "an encoded dot-dot segment", "RFC 3986 §5.2.4",
                        target("{path}/%2e%2e/hello/x"), 400),
                refusedMayKeep(Kind.AMBIGUOUS, "an encoded dot segment", "RFC 3986 §5.2.4",
                        target("{path}/%2E/hello"), 400),
                refusedMayKeep(Kind.AMBIGUOUS, "a dot-dot segment with a parameter", "RFC 3986 §3.3",
                        target("{path}/..;/hello"), 400),
                refusedMayKeep(Kind.AMBIGUOUS, "a path parameter", "RFC 3986 §3.3", target("{path};jsessionid=1"), 400),
                refusedMayKeep(Kind.AMBIGUOUS, "an encoded semicolon", "RFC 3986 §3.3", target("{path}/a%3Bb"), 400),
                valid("a double slash in the path", "RFC 3986 §3.3", target("{path}//x")));
    }

    private static String target(String target) {
        return "GET " + target + " HTTP/1.1\r\n" + HOST + "\r\n";
    }
}
