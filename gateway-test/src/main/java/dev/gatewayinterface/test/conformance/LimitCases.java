package dev.gatewayinterface.test.conformance;

import static dev.gatewayinterface.test.conformance.Cases.HOST;
import static dev.gatewayinterface.test.conformance.Cases.chunked;
import static dev.gatewayinterface.test.conformance.Cases.get;
import static dev.gatewayinterface.test.conformance.Cases.refused;
import static dev.gatewayinterface.test.conformance.Cases.request;

import dev.gatewayinterface.test.conformance.RequestCase.Kind;
import java.util.List;

/**
 * List requests over the default limits of docs/SPEC.md §14 — 8 KiB of request line, 8 KiB of header lines, 100
 * header lines, 10 MiB of body — each answered within the client's patience and the connection closed.
 */
final class LimitCases {

    private LimitCases() {
    }

    static List<RequestCase> all() {
        return List.of(
                refused(Kind.MALFORMED, "a request line over the limit", "gateway.limits.max-request-line",
                        "GET {path}?q=" + "a".repeat(9000) + " HTTP/1.1\r\n" + HOST + "\r\n", 414),
                refused(Kind.MALFORMED, "a request line far over the limit", "gateway.limits.max-request-line",
                        "GET {path}?q=" + "a".repeat(70_000) + " HTTP/1.1\r\n" + HOST + "\r\n", 414),
                refused(Kind.MALFORMED, "a method over the line limit", "gateway.limits.max-request-line",
                        "G".repeat(9000) + " {path} HTTP/1.1\r\n" + HOST + "\r\n", 414),
                refused(Kind.MALFORMED, "a header value over the limit", "gateway.limits.max-header-size",
                        get("X-Big: " + "a".repeat(9000) + "\r\n"), 431),
                refused(Kind.MALFORMED, "a header value far over the limit", "gateway.limits.max-header-size",
                        get("X-Big: " + "a".repeat(30_000) + "\r\n"), 431),
                refused(Kind.MALFORMED, "a header name over the limit", "gateway.limits.max-header-size",
                        get("X" + "a".repeat(9000) + ": 1\r\n"), 431),
                refused(Kind.MALFORMED, "a cookie over the limit", "gateway.limits.max-header-size",
                        get("Cookie: a=" + "b".repeat(9000) + "\r\n"), 431),
                refused(Kind.MALFORMED, "header lines over the limit together", "gateway.limits.max-header-size",
                        get(RequestCases.headerLines(90, 100)), 431),
                refused(Kind.MALFORMED, "one header line more than the limit", "gateway.limits.max-header-count",
                        get(RequestCases.headerLines(100)), 431),
                refused(Kind.MALFORMED, "many more header lines than the limit", "gateway.limits.max-header-count",
                        get(RequestCases.headerLines(600)), 431),
                refused(Kind.MALFORMED, "a declared body over the limit", "gateway.limits.max-request-body",
                        request("POST", "Content-Length: 10485761\r\n", ""), 413),
                refused(Kind.MALFORMED, "a body over the limit behind Expect: 100-continue",
                        "gateway.limits.max-request-body, RFC 9110 §10.1.1",
                        request("POST", "Expect: 100-continue\r\nContent-Length: 10485761\r\n", ""), 413),
                refused(Kind.MALFORMED, "a chunk extension over the line limit", "gateway.limits.max-request-line",
                        chunked("5;e=" + "a".repeat(9000) + "\r\nhello\r\n0\r\n\r\n"), 400),
                refused(Kind.MALFORMED, "trailer lines over the header limit", "gateway.limits.max-header-size",
                        chunked("5\r\nhello\r\n0\r\nX-T: " + "a".repeat(9000) + "\r\n\r\n"), 400));
    }
}
