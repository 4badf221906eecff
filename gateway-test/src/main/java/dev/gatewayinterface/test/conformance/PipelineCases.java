package dev.gatewayinterface.test.conformance;

import static dev.gatewayinterface.test.conformance.Cases.HOST;
import static dev.gatewayinterface.test.conformance.Cases.get;
import static dev.gatewayinterface.test.conformance.Cases.refused;
import static dev.gatewayinterface.test.conformance.Cases.request;

import dev.gatewayinterface.test.conformance.RequestCase.Kind;
import java.util.List;

/**
 * List refused requests with a valid request pipelined behind them in the same write: the server must answer the
 * refusal and close, never answering the request behind it, whose bytes a proxy in front may have read as part of
 * the refused one (RFC 9112 §9.3.2, the shape of request smuggling).
 */
final class PipelineCases {

    /** A request sent in the same write as the case: answering it would answer bytes of the case. */
    private static final String BEHIND = "GET {path}?smuggled HTTP/1.1\r\n" + HOST + "\r\n";

    private PipelineCases() {
    }

    static List<RequestCase> all() {
        return List.of(
                refused(Kind.AMBIGUOUS, "an unknown coding, a request pipelined behind", "RFC 9112 §6.1, §9.3.2",
                        request("POST", "Transfer-Encoding: xchunked\r\n", "0\r\n\r\n") + BEHIND, 501),
                refused(Kind.AMBIGUOUS, "two Content-Lengths, a request pipelined behind", "RFC 9112 §6.3, §9.3.2",
                        request("POST", "Content-Length: 0\r\nContent-Length: 0\r\n", "") + BEHIND, 400),
                refused(Kind.AMBIGUOUS, "a broken chunk, a request pipelined behind", "RFC 9112 §7.1, §9.3.2",
                        request("POST", "Transfer-Encoding: chunked\r\n", "5\r\nhelloXX0\r\n\r\n") + BEHIND, 400),
                refused(Kind.AMBIGUOUS, "a lower-case version, a request pipelined behind", "RFC 9112 §2.3, §9.3.2",
                        "GET {path} http/1.1\r\n" + HOST + "\r\n" + BEHIND, 400),
                refused(Kind.AMBIGUOUS, "two Host headers, a request pipelined behind", "RFC 9112 §3.2, §9.3.2",
                        get(HOST) + BEHIND, 400),
                refused(Kind.AMBIGUOUS, "a malformed target, a request pipelined behind", "RFC 9112 §3.2, §9.3.2",
                        "GET {path}/a<b HTTP/1.1\r\n" + HOST + "\r\n" + BEHIND, 400),
                refused(Kind.AMBIGUOUS, "header lines over the limit, a request pipelined behind",
                        "gateway.limits.max-header-size, RFC 9112 §9.3.2",
                        get("X-Big: " + "a".repeat(9000) + "\r\n") + BEHIND, 431),
                refused(Kind.AMBIGUOUS, "a space before a colon, a request pipelined behind", "RFC 9112 §5.1, §9.3.2",
                        get("Content-Length : 0\r\n") + BEHIND, 400));
    }
}
