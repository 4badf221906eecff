package dev.gatewayinterface.reactive;

import io.micrometer.observation.Observation;
import org.springframework.util.ClassUtils;
import reactor.util.context.ContextView;

/**
 * Make the server's observation of a request ({@code http.server.requests}, or whichever observation WebFlux
 * holds in the Reactor context) current on the application's thread, as Spring Boot's
 * {@code ContextPropagatingTaskDecorator} does for a task, so that observations and traces the application
 * starts, {@code gateway.requests} first, are its children (docs/METRICS.md).
 */
final class ServerObservationScope {

    /** The Reactor context key of the current observation, {@code ObservationThreadLocalAccessor.KEY}. */
    private static final String OBSERVATION_KEY = "micrometer.observation";

    private static final boolean MICROMETER_PRESENT = ClassUtils.isPresent("io.micrometer.observation.Observation",
            ServerObservationScope.class.getClassLoader());

    private ServerObservationScope() {
    }

    /**
     * Open the scope of the observation the Reactor context holds on this thread.
     * @param context the request's Reactor context
     * @return what closes the scope again; does nothing when there is no observation
     */
    static Runnable open(ContextView context) {
        Object value = MICROMETER_PRESENT ? context.getOrDefault(OBSERVATION_KEY, null) : null;
        return value != null ? Scoped.open(value) : () -> {
        };
    }

    /** Hold the Micrometer types, loaded only when Micrometer is present. */
    private static final class Scoped {

        static Runnable open(Object value) {
            if (value instanceof Observation observation) {
                Observation.Scope scope = observation.openScope();
                return scope::close;
            }
            return () -> {
            };
        }
    }
}
