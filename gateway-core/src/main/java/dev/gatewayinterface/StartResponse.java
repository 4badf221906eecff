package dev.gatewayinterface;

import java.util.List;

/**
 * Set the response status and headers: the Java form of PEP 3333's {@code start_response}.
 *
 * <p>Nothing is sent when this is called: headers go out with the first non-empty body chunk, the
 * first {@link Write#write write}, or at the end of an empty body. Arguments are checked at call time,
 * so a bad status or header fails inside the application (docs/SPEC.md §5).
 */
@FunctionalInterface
public interface StartResponse {

    /**
     * Set the status and headers, or replace them after an error.
     * @param status {@code "NNN Reason"}: three digits, a space and a reason phrase
     * @param headers the response headers, in order; names are tokens, values have no control characters
     * @param excInfo {@code null} on the first call; on a later call, the error that made the application
     *     change its response: it replaces status and headers if nothing was sent yet, and is rethrown as is
     *     if headers were already sent
     * @return the {@code write} callable for imperative output
     * @throws IllegalArgumentException if the status or a header breaks a rule of docs/SPEC.md §5
     * @throws IllegalStateException if called again without {@code excInfo}
     */
    Write start(String status, List<Header> headers, Throwable excInfo);

    /**
     * Set the status and headers: the usual first call, without {@code excInfo}.
     * @param status {@code "NNN Reason"}
     * @param headers the response headers
     * @return the {@code write} callable
     */
    default Write start(String status, List<Header> headers) {
        return start(status, headers, null);
    }
}
