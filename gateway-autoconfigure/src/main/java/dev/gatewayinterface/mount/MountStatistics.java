package dev.gatewayinterface.mount;

import dev.gatewayinterface.engine.Exchange;
import dev.gatewayinterface.engine.RequestObserver;
import dev.gatewayinterface.engine.RequestOutcome;
import java.util.concurrent.atomic.LongAdder;

/**
 * Count one mount's requests, whether or not a metrics registry is present, for the actuator endpoint.
 */
public final class MountStatistics implements RequestObserver {

    private final LongAdder total = new LongAdder();

    private final LongAdder active = new LongAdder();

    private final LongAdder failed = new LongAdder();

    private final LongAdder clientAborts = new LongAdder();

    private final Request request = new Request() {

        @Override
        public void requestEnded(RequestOutcome outcome) {
            active.decrement();
            if (outcome.error() != null) {
                failed.increment();
            }
            if (outcome.clientGone()) {
                clientAborts.increment();
            }
        }
    };

    @Override
    public Request requestStarted(Exchange exchange) {
        total.increment();
        active.increment();
        return request;
    }

    /**
     * Return how many requests the mount has received.
     * @return the count
     */
    public long total() {
        return total.sum();
    }

    /**
     * Return how many requests are in progress.
     * @return the count
     */
    public long active() {
        return active.sum();
    }

    /**
     * Return how many requests ended with an application error.
     * @return the count
     */
    public long failed() {
        return failed.sum();
    }

    /**
     * Return how many requests' clients went away before the response was complete.
     * @return the count
     */
    public long clientAborts() {
        return clientAborts.sum();
    }
}
