package dev.gatewayinterface.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Name and tag the observations of requests to mounted applications. Declare a bean of this type to
 * replace {@link DefaultGatewayObservationConvention}.
 */
public interface GatewayObservationConvention extends ObservationConvention<GatewayObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof GatewayObservationContext;
    }
}
