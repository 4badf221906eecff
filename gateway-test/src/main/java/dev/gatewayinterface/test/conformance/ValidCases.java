package dev.gatewayinterface.test.conformance;

import static dev.gatewayinterface.test.conformance.Cases.HOST;
import static dev.gatewayinterface.test.conformance.Cases.chunked;
import static dev.gatewayinterface.test.conformance.Cases.echoed;
import static dev.gatewayinterface.test.conformance.Cases.get;
import static dev.gatewayinterface.test.conformance.Cases.posted;
import static dev.gatewayinterface.test.conformance.Cases.request;
import static dev.gatewayinterface.test.conformance.Cases.valid;
import static dev.gatewayinterface.test.conformance.Cases.validMayClose;

import dev.gatewayinterface.test.conformance.RequestCase.Connection;
import dev.gatewayinterface.test.conformance.RequestCase.Kind;
import java.util.List;
import java.util.Set;

/**
 * List requests every server must serve: the forms RFC 9110 and RFC 9112 allow, at the edges of what they allow,
 * and bodies the application must read byte for byte.
 */
final class ValidCases {

    private ValidCases() {
    }

    static List<RequestCase> all() {
        return List.of(
                valid("a plain GET", "RFC 9112 §3", get("")),
                validMayClose("a GET on HTTP/1.0 without Host", "RFC 9112 §3.2", "GET {path} HTTP/1.0\r\n\r\n"),
                validMayClose("a GET on HTTP/1.0 with Host", "RFC 9112 §3.2", "GET {path} HTTP/1.0\r\n" + HOST + "\r\n"),
                validMayClose("HTTP/1.0 asking to keep the connection", "RFC 9112 §9.3",
                        "GET {path} HTTP/1.0\r\n" + HOST + "Connection: keep-alive\r\n\r\n"),
                valid("an absolute-form target", "RFC 9112 §3.2.2", "GET http://localhost{path} HTTP/1.1\r\n" + HOST
                        + "\r\n"),
                valid("an absolute-form target with a port", "RFC 9112 §3.2.2",
                        "GET http://localhost:8080{path} HTTP/1.1\r\nHost: localhost:8080\r\n\r\n"),
                valid("an absolute-form target with its scheme and host in upper case", "RFC 3986 §6.2.2.1",
                        "GET HTTP://LOCALHOST{path} HTTP/1.1\r\n" + HOST + "\r\n"),
                valid("an absolute-form https target", "RFC 9112 §3.2.2",
                        "GET https://localhost{path} HTTP/1.1\r\n" + HOST + "\r\n"),
                valid("a Host with a port", "RFC 9110 §7.2", "GET {path} HTTP/1.1\r\nHost: localhost:8080\r\n\r\n"),
                valid("an IPv6 Host", "RFC 9110 §7.2", "GET {path} HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n"),
                valid("an IPv4 Host", "RFC 9110 §7.2", "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
                valid("a Host in upper case", "RFC 9110 §4.2.3", "GET {path} HTTP/1.1\r\nHost: LOCALHOST\r\n\r\n"),
                valid("a Host with a hyphen and digits", "RFC 1123 §2.1",
                        "GET {path} HTTP/1.1\r\nHost: my-host-2.example\r\n\r\n"),
                valid("a percent-encoded path and a query", "RFC 3986 §2.1",
                        "GET {path}/caf%C3%A9?q=a%20b&x=1 HTTP/1.1\r\n" + HOST + "\r\n"),
                valid("a query holding '/' and '?'", "RFC 3986 §3.4", "GET {path}?a=/b?c HTTP/1.1\r\n" + HOST + "\r\n"),
                valid("an empty query", "RFC 3986 §3.4", "GET {path}? HTTP/1.1\r\n" + HOST + "\r\n"),
                valid("sub-delims and ':' '@' in the path", "RFC 3986 §3.3",
                        "GET {path}/a:b@c!$&'()*+,= HTTP/1.1\r\n" + HOST + "\r\n"),
                valid("an empty line before the request line", "RFC 9112 §2.2", "\r\n" + get("")),
                valid("a header without a space after the colon", "RFC 9112 §5.1", get("X-A:1\r\n")),
                valid("a header with trailing whitespace", "RFC 9112 §5.1", get("X-A: 1 \t \r\n")),
                valid("a header with an empty value", "RFC 9110 §5.5", get("X-Empty:\r\n")),
                valid("a header value with a tab inside", "RFC 9110 §5.5", get("X-A: a\tb\r\n")),
                valid("a header value with obs-text", "RFC 9110 §5.5", get("X-A: caf\u00e9\r\n")),
                valid("a header name of every tchar", "RFC 9110 §5.6.2", get("X-!#$%&'*+.^`|~9: 1\r\n")),
                valid("a header given twice", "RFC 9110 §5.3", get("X-A: 1\r\nX-A: 2\r\n")),
                valid("a quoted header value with commas", "RFC 9110 §5.6.4", get("X-A: \"a, b\", c\r\n")),
                valid("a lower-case method, a method of its own", "RFC 9110 §9.1",
                        "get {path} HTTP/1.1\r\n" + HOST + "\r\n"),
                valid("an extension method", "RFC 9110 §9.1", request("PURGE", "", "")),
                new RequestCase("a HEAD", Kind.VALID, "RFC 9110 §9.3.2", request("HEAD", "", ""), Set.of(200),
                        Connection.KEEP, null),
                valid("an OPTIONS of a path", "RFC 9110 §9.3.7", request("OPTIONS", "", "")),
                valid("OPTIONS *, answered by the server", "RFC 9110 §9.3.7", "OPTIONS * HTTP/1.1\r\n" + HOST + "\r\n"),
                valid("a DELETE", "RFC 9110 §9.3.5", request("DELETE", "", "")),
                echoed("a POST with Content-Length", "RFC 9112 §6.2", posted("hello"), "hello"),
                echoed("a POST with an empty body", "RFC 9112 §6.2", posted(""), ""),
                echoed("a PUT with a body", "RFC 9110 §9.3.4", request("PUT", "Content-Length: 5\r\n", "hello"), "hello"),
                echoed("a PATCH with a body", "RFC 5789", request("PATCH", "Content-Length: 5\r\n", "hello"), "hello"),
                echoed("a Content-Length with leading zeros", "RFC 9110 §8.6",
                        request("POST", "Content-Length: 005\r\n", "hello"), "hello"),
                echoed("a body of CR, LF and NUL bytes", "RFC 9112 §6", posted("a\r\nb\u0000c\r\n\r\n"),
                        "a\r\nb\u0000c\r\n\r\n"),
                echoed("a body of bytes above 0x7F", "RFC 9112 §6", posted("\u00ff\u00fe\u0080"), "\u00ff\u00fe\u0080"),
                echoed("a body that looks like a request", "RFC 9112 §6.2",
                        posted("GET /smuggled HTTP/1.1\r\n" + HOST + "\r\n"), "GET /smuggled HTTP/1.1\r\n" + HOST + "\r\n"),
                echoed("a chunked POST", "RFC 9112 §7.1", chunked("5\r\nhello\r\n0\r\n\r\n"), "hello"),
                echoed("chunked spelt Chunked", "RFC 9112 §7", request("POST", "Transfer-Encoding: Chunked\r\n",
                        "5\r\nhello\r\n0\r\n\r\n"), "hello"),
                echoed("chunked spelt CHUNKED", "RFC 9112 §7", request("POST", "Transfer-Encoding: CHUNKED\r\n",
                        "5\r\nhello\r\n0\r\n\r\n"), "hello"),
                echoed("several chunks", "RFC 9112 §7.1", chunked("5\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\n\r\n"),
                        "hello world"),
                echoed("a chunk size in upper-case hex", "RFC 9112 §7.1", chunked("A\r\n0123456789\r\n0\r\n\r\n"),
                        "0123456789"),
                echoed("a chunk size with leading zeros", "RFC 9112 §7.1", chunked("0005\r\nhello\r\n0\r\n\r\n"),
                        "hello"),
                echoed("a chunk extension", "RFC 9112 §7.1.1", chunked("5;name=value\r\nhello\r\n0\r\n\r\n"), "hello"),
                echoed("a chunk extension with a quoted value", "RFC 9112 §7.1.1",
                        chunked("5;name=\"a b\"\r\nhello\r\n0\r\n\r\n"), "hello"),
                echoed("a chunk extension without a value", "RFC 9112 §7.1.1", chunked("5;flag\r\nhello\r\n0\r\n\r\n"),
                        "hello"),
                echoed("trailer fields", "RFC 9112 §7.1.2", chunked("5\r\nhello\r\n0\r\nX-Checksum: 1\r\n\r\n"), "hello"),
                echoed("chunk data holding CRLF", "RFC 9112 §7.1", chunked("4\r\n\r\n\r\n\r\n0\r\n\r\n"), "\r\n\r\n"),
                echoed("a chunked GET", "RFC 9110 §9.3.1", request("GET", "Transfer-Encoding: chunked\r\n",
                        "0\r\n\r\n"), ""),
                echoed("Expect: 100-continue", "RFC 9110 §10.1.1",
                        request("POST", "Expect: 100-continue\r\nContent-Length: 5\r\n", "hello"), "hello"),
                echoed("Expect: 100-Continue in mixed case", "RFC 9110 §10.1.1",
                        request("POST", "Expect: 100-Continue\r\nContent-Length: 5\r\n", "hello"), "hello"),
                valid("a header block just under the limit", "gateway.limits.max-header-size",
                        get("X-Big: " + "a".repeat(7900) + "\r\n")),
                valid("a request line just under the limit", "gateway.limits.max-request-line",
                        "GET {path}?q=" + "a".repeat(8000) + " HTTP/1.1\r\n" + HOST + "\r\n"),
                valid("as many header lines as the limit allows", "gateway.limits.max-header-count",
                        get(RequestCases.headerLines(99))),
                new RequestCase("a client asking to close", Kind.VALID, "RFC 9112 §9.6",
                        get("Connection: close\r\n"), Set.of(200), Connection.CLOSE, null));
    }
}
