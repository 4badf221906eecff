package dev.gatewayinterface.observation;

import dev.gatewayinterface.engine.Exchange;
import dev.gatewayinterface.engine.RequestObserver;
import dev.gatewayinterface.engine.RequestOutcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Turn each request to one mounted application into a Micrometer {@link Observation} named by the
 * {@link GatewayObservationConvention}, so that meter, tracing and logging handlers all see it.
 */
public final class ObservingRequestObserver implements RequestObserver {

    private static final GatewayObservationConvention DEFAULT = new DefaultGatewayObservationConvention();

    private final String application;

    private final ObservationRegistry registry;

    private final GatewayObservationConvention convention;

    /**
     * Create the observer of one application.
     * @param application the application's name
     * @param registry where observations go
     * @param convention the convention to use, or {@code null} for the default
     */
    public ObservingRequestObserver(String application, ObservationRegistry registry,
            GatewayObservationConvention convention) {
        this.application = application;
        this.registry = registry;
        this.convention = convention;
    }

    @Override
    public Request requestStarted(Exchange exchange) {
        GatewayObservationContext context = new GatewayObservationContext(application, exchange.method());
        // A child of the observation current on this thread (the server's), and itself current while the
        // application runs, so that what the application observes or traces is its child in turn.
        Observation observation = Observation.createNotStarted(convention, DEFAULT, () -> context, registry).start();
        Observation.Scope scope = observation.openScope();
        long started = System.nanoTime();
        return new Request() {

            @Override
            public void responseStarted(int status) {
                context.setFirstByteNanos(System.nanoTime() - started);
            }

            @Override
            public void requestEnded(RequestOutcome outcome) {
                context.setOutcome(outcome);
                // The engine ends a request on the thread that started it, where the scope must be closed.
                scope.close();
                if (outcome.error() != null) {
                    observation.error(outcome.error());
                }
                observation.stop();
            }
        };
    }
}
