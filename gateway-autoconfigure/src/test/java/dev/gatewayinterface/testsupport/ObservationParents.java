package dev.gatewayinterface.testsupport;

import dev.gatewayinterface.observation.GatewayObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Record, for each application's {@code gateway.requests} observation, the names of its ancestors, nearest
 * first, as a tracing bridge would see them.
 */
public final class ObservationParents implements ObservationHandler<GatewayObservationContext> {

    /** The ancestors' names by application name, nearest first; empty for an observation without a parent. */
    public final Map<String, List<String>> byApplication = new ConcurrentHashMap<>();

    @Override
    public void onStart(GatewayObservationContext context) {
        List<String> ancestors = new ArrayList<>();
        for (ObservationView parent = context.getParentObservation(); parent != null;
                parent = parent.getContextView().getParentObservation()) {
            ancestors.add(parent.getContextView().getName());
        }
        byApplication.put(context.getApplication(), ancestors);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof GatewayObservationContext;
    }
}
