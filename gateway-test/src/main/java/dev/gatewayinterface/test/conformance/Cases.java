package dev.gatewayinterface.test.conformance;

import dev.gatewayinterface.test.conformance.RequestCase.Connection;
import dev.gatewayinterface.test.conformance.RequestCase.Kind;
import java.util.Set;

/**
 * Write request cases briefly: the request shapes the groups of {@link RequestCases} build on, and one factory per
 * kind of expected answer.
 */
final class Cases {

    /** The Host line of every request that has nothing to say about Host. */
    static final String HOST = "Host: localhost\r\n";

    private Cases() {
    }

    /** A GET of the application with the given header lines (each ending in CRLF) besides Host. */
    static String get(String headers) {
        return "GET {path} HTTP/1.1\r\n" + HOST + headers + "\r\n";
    }

    /** A request of the given method with the given header lines besides Host, and a body. */
    static String request(String method, String headers, String body) {
        return method + " {path} HTTP/1.1\r\n" + HOST + headers + "\r\n" + body;
    }

    /** A POST whose body goes as the given chunked framing, which ends the body itself. */
    static String chunked(String chunks) {
        return request("POST", "Transfer-Encoding: chunked\r\n", chunks);
    }

    /** A POST with a Content-Length body. */
    static String posted(String body) {
        return request("POST", "Content-Length: " + body.length() + "\r\n", body);
    }

    /** Describe a request the server must answer 200 from the application, reading no body, keeping the connection. */
    static RequestCase valid(String name, String reference, String request) {
        return new RequestCase(name, Kind.VALID, reference, request, Set.of(200), Connection.KEEP, null);
    }

    /** Describe a request whose body the application must read exactly, answering 200 and keeping the connection. */
    static RequestCase echoed(String name, String reference, String request, String echo) {
        return new RequestCase(name, Kind.VALID, reference, request, Set.of(200), Connection.KEEP, echo);
    }

    /** Describe a request answered 200 after which the server may close, as with HTTP/1.0. */
    static RequestCase validMayClose(String name, String reference, String request) {
        return new RequestCase(name, Kind.VALID, reference, request, Set.of(200), Connection.EITHER, null);
    }

    /** Describe a request the server must refuse with one of the statuses, then close the connection. */
    static RequestCase refused(Kind kind, String name, String reference, String request, Integer... statuses) {
        return new RequestCase(name, kind, reference, request, Set.of(statuses), Connection.CLOSE, null);
    }

    /** Describe a request the server must refuse, but whose connection it may keep: its bytes are unambiguous. */
    static RequestCase refusedMayKeep(Kind kind, String name, String reference, String request, Integer... statuses) {
        return new RequestCase(name, kind, reference, request, Set.of(statuses), Connection.EITHER, null);
    }

    /**
     * Describe an ambiguous request that a server may read one safe way or refuse, but after which it must close:
     * the statuses list both answers, and a 200 must have read the body as the echo says.
     */
    static RequestCase readOrRefused(String name, String reference, String request, String echo,
            Integer... statuses) {
        return new RequestCase(name, Kind.AMBIGUOUS, reference, request, Set.of(statuses), Connection.CLOSE, echo);
    }

    /**
     * Describe an ambiguous request that a server may read one safe way, keeping the connection, or refuse and close:
     * a 200 must have read the body as the echo says.
     */
    static RequestCase readOrRefusedMayKeep(String name, String reference, String request, String echo,
            Integer... statuses) {
        return new RequestCase(name, Kind.AMBIGUOUS, reference, request, Set.of(statuses), Connection.EITHER, echo);
    }
}
