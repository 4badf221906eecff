package dev.gatewayinterface.test.conformance;

import java.util.Set;

/**
 * One raw HTTP/1.x request and the answer a conforming server gives it (docs/SPEC.md §14).
 *
 * @param name what the case is, for a test's display name
 * @param request the bytes sent, as ISO-8859-1 text; {@code {path}} stands for the path of an echo application
 * @param statuses the acceptable statuses of the first answer
 * @param answers how many answers the connection carries, the request behind the case's included: 2 when the
 *     server keeps the connection, 1 when it must close it after a refusal, 0 when either is right
 */
public record RequestCase(String name, String request, Set<Integer> statuses, int answers) {

    /** Describe a request the server must accept and answer 200, keeping the connection. */
    static RequestCase accepted(String name, String request) {
        return new RequestCase(name, request, Set.of(200), 2);
    }

    /** Describe a request the server must answer 200, after which it may close the connection (HTTP/1.0). */
    static RequestCase acceptedMayClose(String name, String request) {
        return new RequestCase(name, request, Set.of(200), 0);
    }

    /** Describe a request the server must refuse, but whose connection it may keep: the bytes are unambiguous. */
    static RequestCase refusedMayKeep(String name, String request, Integer... statuses) {
        return new RequestCase(name, request, Set.of(statuses), 0);
    }

    /** Describe a request the server must refuse with one of the statuses, then close the connection. */
    static RequestCase refused(String name, String request, Integer... statuses) {
        return new RequestCase(name, request, Set.of(statuses), 1);
    }

    @Override
    public String toString() {
        return name;
    }
}
