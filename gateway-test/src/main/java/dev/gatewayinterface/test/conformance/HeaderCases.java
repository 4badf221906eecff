package dev.gatewayinterface.test.conformance;

import static dev.gatewayinterface.test.conformance.Cases.HOST;
import static dev.gatewayinterface.test.conformance.Cases.echoed;
import static dev.gatewayinterface.test.conformance.Cases.get;
import static dev.gatewayinterface.test.conformance.Cases.readOrRefusedMayKeep;
import static dev.gatewayinterface.test.conformance.Cases.refused;
import static dev.gatewayinterface.test.conformance.Cases.request;
import static dev.gatewayinterface.test.conformance.Cases.valid;
import static dev.gatewayinterface.test.conformance.Cases.validMayClose;

import dev.gatewayinterface.test.conformance.RequestCase.Kind;
import java.util.List;

/**
 * List header lines that break RFC 9110 §5 and RFC 9112 §5 — names that are no tokens, control characters in values,
 * obsolete line folding — and header names a proxy and a server could read apart (underscores, expectations).
 */
final class HeaderCases {

    private HeaderCases() {
    }

    static List<RequestCase> all() {
        return List.of(
                refused(Kind.AMBIGUOUS, "a space before the colon", "RFC 9112 §5.1", get("X-Bad : 1\r\n"), 400),
                refused(Kind.MALFORMED, "a header name with a space", "RFC 9110 §5.1", get("X Bad: 1\r\n"), 400),
                refused(Kind.MALFORMED, "a header name with parentheses", "RFC 9110 §5.1", get("X(A): 1\r\n"), 400),
                refused(Kind.MALFORMED, "a header name above 0x7F", "RFC 9110 §5.1", get("X-\u00e9: 1\r\n"), 400),
                refused(Kind.MALFORMED, "a header line without a colon", "RFC 9112 §5", get("X-A 1\r\n"), 400),
                refused(Kind.MALFORMED, "an empty header name", "RFC 9112 §5", get(": 1\r\n"), 400),
                refused(Kind.AMBIGUOUS, "whitespace before the first header line", "RFC 9112 §2.2",
                        "GET {path} HTTP/1.1\r\n X-A: 1\r\n" + HOST + "\r\n", 400),
                refused(Kind.MALFORMED, "a NUL in a header value", "RFC 9110 §5.5", get("X-Nul: a\u0000b\r\n"), 400),
                refused(Kind.MALFORMED, "a DEL in a header value", "RFC 9110 §5.5", get("X-A: a\u007fb\r\n"), 400),
                refused(Kind.MALFORMED, "a control character in a header value", "RFC 9110 §5.5",
                        get("X-A: a\u0001b\r\n"), 400),
                refused(Kind.MALFORMED, "an escape character in a header value", "RFC 9110 §5.5",
                        get("X-A: a\u001bb\r\n"), 400),
                readOrRefusedMayKeep("obs-fold with a space", "RFC 9112 §5.2", get("X-A: 1\r\n continued\r\n"), null,
                        200, 400),
                readOrRefusedMayKeep("obs-fold with a tab", "RFC 9112 §5.2", get("X-A: 1\r\n\tcontinued\r\n"), null,
                        200, 400),
                readOrRefusedMayKeep("obs-fold behind an empty first line", "RFC 9112 §5.2",
                        get("X-A:\r\n continued\r\n"), null, 200, 400),
                readOrRefusedMayKeep("obs-fold of whitespace alone behind an empty first line", "RFC 9112 §5.2",
                        get("X-A:\r\n \r\n"), null, 200, 400),
                readOrRefusedMayKeep("obs-fold of Transfer-Encoding", "RFC 9112 §5.2",
                        request("POST", "Transfer-Encoding:\r\n chunked\r\n", "5\r\nhello\r\n0\r\n\r\n"), "hello", 200,
                        400),
                refused(Kind.MALFORMED, "an expectation other than 100-continue", "RFC 9110 §10.1.1",
                        get("Expect: 200-ok\r\n"), 417),
                validMayClose("Expect: 100-continue on HTTP/1.0", "RFC 9110 §10.1.1",
                        "GET {path} HTTP/1.0\r\nExpect: 100-continue\r\n\r\n"),
                valid("a header name with underscores", "RFC 9110 §5.1, docs/SPEC.md §3.3",
                        get("X_Forwarded_For: 10.0.0.1\r\n")),
                echoed("Transfer_Encoding beside Content-Length", "RFC 9110 §5.1, docs/SPEC.md §3.3",
                        request("POST", "Transfer_Encoding: chunked\r\nContent-Length: 5\r\n", "hello"), "hello"),
                echoed("Content_Length beside chunked", "RFC 9110 §5.1, docs/SPEC.md §3.3",
                        request("POST", "Content_Length: 30\r\nTransfer-Encoding: chunked\r\n",
                                "5\r\nhello\r\n0\r\n\r\n"), "hello"));
    }
}
