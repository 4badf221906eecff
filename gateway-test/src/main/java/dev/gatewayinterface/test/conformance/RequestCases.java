package dev.gatewayinterface.test.conformance;

import static dev.gatewayinterface.test.conformance.RequestCase.accepted;
import static dev.gatewayinterface.test.conformance.RequestCase.acceptedMayClose;
import static dev.gatewayinterface.test.conformance.RequestCase.refused;
import static dev.gatewayinterface.test.conformance.RequestCase.refusedMayKeep;

import java.util.List;

/**
 * List the raw requests of the conformance suite: valid, ambiguous and malformed shapes from RFC 9110 and RFC 9112
 * and from request-smuggling advisories against WSGI servers (gunicorn CVE-2024-1135 and CVE-2024-6827, waitress
 * CVE-2022-24761 and CVE-2019-16785/16786). Each targets an application that echoes its body, at {@code {path}}.
 */
public final class RequestCases {

    private static final String HOST = "Host: localhost\r\n";

    private RequestCases() {
    }

    /**
     * Return every case.
     * @return the cases, in a stable order
     */
    public static List<RequestCase> all() {
        return List.of(
                accepted("a plain GET", "GET {path} HTTP/1.1\r\n" + HOST + "\r\n"),
                acceptedMayClose("a GET on HTTP/1.0 without Host", "GET {path} HTTP/1.0\r\n\r\n"),
                accepted("an absolute-form target", "GET http://localhost{path} HTTP/1.1\r\n" + HOST + "\r\n"),
                accepted("a POST with Content-Length", "POST {path} HTTP/1.1\r\n" + HOST + "Content-Length: 5\r\n\r\nhello"),
                accepted("a chunked POST", "POST {path} HTTP/1.1\r\n" + HOST
                        + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"),
                accepted("chunked in any case", "POST {path} HTTP/1.1\r\n" + HOST
                        + "Transfer-Encoding: Chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"),
                accepted("a Host with a port", "GET {path} HTTP/1.1\r\nHost: localhost:8080\r\n\r\n"),
                accepted("an IPv6 Host", "GET {path} HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n"),
                accepted("a percent-encoded path and a query", "GET {path}/caf%C3%A9?q=a%20b&x=1 HTTP/1.1\r\n" + HOST + "\r\n"),
                refused("Transfer-Encoding xchunked", "POST {path} HTTP/1.1\r\n" + HOST
                        + "Transfer-Encoding: xchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400, 501),
                refused("Transfer-Encoding identity", "POST {path} HTTP/1.1\r\n" + HOST
                        + "Transfer-Encoding: identity\r\nContent-Length: 5\r\n\r\nhello", 400, 501),
                refused("an empty Transfer-Encoding", "POST {path} HTTP/1.1\r\n" + HOST
                        + "Transfer-Encoding: \r\nContent-Length: 5\r\n\r\nhello", 400, 501),
                refused("an unknown coding before chunked", "POST {path} HTTP/1.1\r\n" + HOST
                        + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 400, 501),
                refused("Transfer-Encoding on HTTP/1.0", "POST {path} HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "0\r\n\r\n", 400, 501),
                refused("two Content-Lengths that agree", "POST {path} HTTP/1.1\r\n" + HOST
                        + "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello", 400),
                refused("two Content-Lengths that differ", "POST {path} HTTP/1.1\r\n" + HOST
                        + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400),
                refused("a Content-Length with a sign", "POST {path} HTTP/1.1\r\n" + HOST
                        + "Content-Length: +5\r\n\r\nhello", 400),
                refused("a Content-Length that is no number", "POST {path} HTTP/1.1\r\n" + HOST
                        + "Content-Length: five\r\n\r\nhello", 400),
                refused("two Host headers", "GET {path} HTTP/1.1\r\n" + HOST + HOST + "\r\n", 400),
                refused("HTTP/1.1 without Host", "GET {path} HTTP/1.1\r\n\r\n", 400),
                refused("an empty Host", "GET {path} HTTP/1.1\r\nHost: \r\n\r\n", 400),
                refused("a Host with userinfo", "GET {path} HTTP/1.1\r\nHost: user@localhost\r\n\r\n", 400),
                refused("a Host with a bad port", "GET {path} HTTP/1.1\r\nHost: localhost:8o\r\n\r\n", 400),
                refusedMayKeep("CONNECT", "CONNECT localhost:443 HTTP/1.1\r\n" + HOST + "\r\n", 400, 404, 405, 501),
                refused("an asterisk target for GET", "GET * HTTP/1.1\r\n" + HOST + "\r\n", 400),
                refused("a malformed target", "PUT s://]ufd/: HTTP/1.1\r\n" + HOST + "Content-Length: 0\r\n\r\n", 400),
                refused("version HTTP/1.2", "GET {path} HTTP/1.2\r\n" + HOST + "\r\n", 400, 505),
                refused("version HTTP/2.1", "GET {path} HTTP/2.1\r\n" + HOST + "\r\n", 400, 505),
                refused("a space before the colon", "GET {path} HTTP/1.1\r\n" + HOST + "X-Bad : 1\r\n\r\n", 400),
                refused("a header name with a space", "GET {path} HTTP/1.1\r\n" + HOST + "X Bad: 1\r\n\r\n", 400),
                refused("a raw space in the target", "GET {path}/a b HTTP/1.1\r\n" + HOST + "\r\n", 400),
                refused("a raw byte above 0x7F in the target", "GET {path}/caf\u00e9 HTTP/1.1\r\n" + HOST + "\r\n", 400),
                refusedMayKeep("a raw quote in the query", "GET {path}?q=\"x\" HTTP/1.1\r\n" + HOST + "\r\n", 400),
                refused("a NUL in a header value", "GET {path} HTTP/1.1\r\n" + HOST + "X-Nul: a\u0000b\r\n\r\n", 400),
                refused("a Host with a space", "GET {path} HTTP/1.1\r\nHost: local host\r\n\r\n", 400),
                refused("a Content-Length list", "POST {path} HTTP/1.1\r\n" + HOST
                        + "Content-Length: 5, 5\r\n\r\nhello", 400),
                refusedMayKeep("a dot-dot segment under the mount", "GET {path}/x/../hello HTTP/1.1\r\n" + HOST + "\r\n", 400),
                refusedMayKeep("an encoded dot-dot segment", "GET {path}/%2e%2e/hello/x HTTP/1.1\r\n" + HOST + "\r\n", 400),
                refusedMayKeep("a dot-dot segment with a parameter", "GET {path}/..;/hello HTTP/1.1\r\n" + HOST + "\r\n", 400),
                refusedMayKeep("a path parameter", "GET {path};jsessionid=1 HTTP/1.1\r\n" + HOST + "\r\n", 400),
                refused("Transfer-Encoding chunked twice", "POST {path} HTTP/1.1\r\n" + HOST
                        + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400, 501));
    }
}
