package dev.gatewayinterface.engine;

/**
 * Observe the requests a {@link Gateway} serves, for metrics and tracing: told when each request starts,
 * when its response starts, and how it ended.
 *
 * <p>Calls come on the request's thread; an observer's exceptions are logged and never change the response.
 */
@FunctionalInterface
public interface RequestObserver {

    /** Observe nothing. */
    RequestObserver NONE = exchange -> Request.NONE;

    /**
     * Begin observing a request, before the application is called.
     * @param exchange the request, for its method and other facts
     * @return the observation of this request
     */
    Request requestStarted(Exchange exchange);

    /**
     * Observe one request.
     */
    interface Request {

        /** Record nothing. */
        Request NONE = new Request() {
        };

        /**
         * Learn that the status and headers were sent: the first byte of the response.
         * @param status the status code
         */
        default void responseStarted(int status) {
        }

        /**
         * Learn that the response ended, whole or cut short: the client has all it will get, and the body is
         * closed next.
         */
        default void responseEnded() {
        }

        /**
         * Learn how the request ended, after its body was closed.
         * @param outcome what happened
         */
        default void requestEnded(RequestOutcome outcome) {
        }
    }
}
