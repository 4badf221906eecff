package dev.gatewayinterface.observation;

import dev.gatewayinterface.engine.RequestOutcome;
import dev.gatewayinterface.observation.GatewayMetrics.Tags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.util.concurrent.TimeUnit;

/**
 * Record the meters of a request observation beyond its timer: body sizes, time to first byte and client
 * aborts (docs/METRICS.md). The timer and the active-request gauge come from Micrometer's own meter handler.
 */
public final class GatewayMeterObservationHandler implements ObservationHandler<GatewayObservationContext> {

    private final MeterRegistry registry;

    /**
     * Create the handler.
     * @param registry where meters go
     */
    public GatewayMeterObservationHandler(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onStop(GatewayObservationContext context) {
        RequestOutcome outcome = context.getOutcome();
        if (outcome == null) {
            return;
        }
        String app = context.getApplication();
        recordBytes(GatewayMetrics.REQUEST_SIZE, app, outcome.requestBytes());
        recordBytes(GatewayMetrics.RESPONSE_SIZE, app, outcome.responseBytes());
        if (context.getFirstByteNanos() >= 0) {
            Timer.builder(GatewayMetrics.FIRST_BYTE.getName())
                .description(GatewayMetrics.FIRST_BYTE.getDescription())
                .tag(Tags.APP, app)
                .register(registry)
                .record(context.getFirstByteNanos(), TimeUnit.NANOSECONDS);
        }
        if (outcome.clientGone()) {
            Counter.builder(GatewayMetrics.CLIENT_ABORTS.getName())
                .description(GatewayMetrics.CLIENT_ABORTS.getDescription())
                .tag(Tags.APP, app)
                .register(registry)
                .increment();
        }
    }

    private void recordBytes(GatewayMetrics meter, String app, long bytes) {
        DistributionSummary.builder(meter.getName())
            .description(meter.getDescription())
            .baseUnit("bytes")
            .tag(Tags.APP, app)
            .register(registry)
            .record(bytes);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof GatewayObservationContext;
    }
}
