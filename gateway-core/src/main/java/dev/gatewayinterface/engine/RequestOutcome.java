package dev.gatewayinterface.engine;

/**
 * Sum up how a request ended, for a {@link RequestObserver}.
 *
 * @param status the status code sent, or {@code 0} if no response was started
 * @param requestBytes the request body bytes the application read
 * @param responseBytes the response body bytes sent
 * @param error what the application threw or the rule it broke, or {@code null}
 * @param clientGone whether the client went away before the response was complete
 * @param aborted whether the connection was closed without a clean end: an error after the headers, a body
 *     shorter than its {@code Content-Length}, or a client gone
 */
public record RequestOutcome(int status, long requestBytes, long responseBytes, Throwable error, boolean clientGone,
        boolean aborted) {
}
