package dev.gatewayinterface.observation;

import dev.gatewayinterface.engine.RequestOutcome;
import io.micrometer.observation.Observation;

/**
 * Carry what is known of one request to a mounted application while it is observed: filled in as the
 * request goes, read by the {@link GatewayObservationConvention} and the meter handler.
 */
public class GatewayObservationContext extends Observation.Context {

    private final String application;

    private final String method;

    private long firstByteNanos = -1;

    private RequestOutcome outcome;

    /**
     * Create the context of a request.
     * @param application the mounted application's name
     * @param method the request method
     */
    public GatewayObservationContext(String application, String method) {
        this.application = application;
        this.method = method;
    }

    /**
     * Return the mounted application's name.
     * @return the name
     */
    public String getApplication() {
        return application;
    }

    /**
     * Return the request method, as sent.
     * @return the method
     */
    public String getMethod() {
        return method;
    }

    /**
     * Return the time from calling the application to sending the status and headers.
     * @return nanoseconds, or {@code -1} if no response was started
     */
    public long getFirstByteNanos() {
        return firstByteNanos;
    }

    void setFirstByteNanos(long firstByteNanos) {
        this.firstByteNanos = firstByteNanos;
    }

    /**
     * Return how the request ended.
     * @return the outcome, or {@code null} while the request runs
     */
    public RequestOutcome getOutcome() {
        return outcome;
    }

    void setOutcome(RequestOutcome outcome) {
        this.outcome = outcome;
    }
}
