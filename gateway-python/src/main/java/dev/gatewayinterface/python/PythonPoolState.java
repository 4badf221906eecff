package dev.gatewayinterface.python;

/**
 * Describe a {@link PythonApplication}'s pool of contexts at one moment, for metrics and health.
 *
 * @param size how many contexts the pool keeps when all are up
 * @param busy contexts serving a request
 * @param idle contexts free for a request
 * @param waiting requests waiting for a free context
 * @param replaced contexts that died, were cancelled or served their {@code maxRequests}, and were replaced, since
 *     startup
 * @param timeouts requests cancelled because their Python ran past the timeout, since startup
 * @param startFailures failed attempts to start a replacement context, since startup
 */
public record PythonPoolState(int size, int busy, int idle, int waiting, long replaced, long timeouts,
        long startFailures) {

    /**
     * Return how many contexts can serve a request, now or once free: busy or idle.
     * @return the count; the others of {@code size} are being started
     */
    public int working() {
        return busy + idle;
    }
}
