package dev.gatewayinterface.test.conformance;

import java.util.Objects;
import java.util.Set;

/**
 * One raw HTTP/1.x request and the answer a conforming server gives it (docs/SPEC.md §14).
 *
 * @param name what the case is, for a test's display name
 * @param kind whether the request is valid, ambiguous or malformed
 * @param reference the RFC clause or advisory the case comes from
 * @param request the bytes sent, as ISO-8859-1 text; {@code {path}} stands for the path of the
 *     {@link ConformanceApplication}
 * @param statuses the acceptable statuses of the first answer
 * @param connection what the server does with the connection after the first answer
 * @param echo the body the application must have read, byte for byte, when the first answer is a 200; {@code null}
 *     for a case that sends none
 */
public record RequestCase(String name, Kind kind, String reference, String request, Set<Integer> statuses,
        Connection connection, String echo) {

    /**
     * Check the case.
     * @param name what the case is
     * @param kind whether the request is valid, ambiguous or malformed
     * @param reference where the case comes from
     * @param request the bytes sent
     * @param statuses the acceptable statuses
     * @param connection what happens to the connection
     * @param echo the body the application must read, or {@code null}
     */
    public RequestCase {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(reference, "reference must not be null");
        Objects.requireNonNull(request, "request must not be null");
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(connection, "connection must not be null");
    }

    /** What a request is, as RFC 9110 and RFC 9112 see it. */
    public enum Kind {

        /** A request every server must serve. */
        VALID,

        /** A request that servers or proxies read differently: the shape of request smuggling. */
        AMBIGUOUS,

        /** A request that breaks the grammar or a limit, which a server must refuse. */
        MALFORMED
    }

    /** What the server does with the connection after the case's answer. */
    public enum Connection {

        /** It keeps it: the valid request sent behind the case is answered too. */
        KEEP,

        /** It closes it: nothing sent behind the case is answered. */
        CLOSE,

        /** Either is right, as for an HTTP/1.0 request. */
        EITHER
    }

    /**
     * Return the request's bytes for a server whose {@link ConformanceApplication} is at the given path.
     * @param path the application's path, such as {@code "/conformance"}
     * @return the bytes, one byte a char
     */
    public String requestFor(String path) {
        return request.replace("{path}", path);
    }

    @Override
    public String toString() {
        return name;
    }
}
