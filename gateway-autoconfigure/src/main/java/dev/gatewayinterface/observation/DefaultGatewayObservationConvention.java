package dev.gatewayinterface.observation;

import dev.gatewayinterface.engine.RequestOutcome;
import dev.gatewayinterface.observation.GatewayMetrics.Tags;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Set;

/**
 * Name request observations {@code gateway.requests} and tag them with bounded values only: the
 * application, a normalised method, the status, its class and the exception's simple name (docs/METRICS.md).
 */
public class DefaultGatewayObservationConvention implements GatewayObservationConvention {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");

    @Override
    public String getName() {
        return GatewayMetrics.REQUESTS.getName();
    }

    @Override
    public String getContextualName(GatewayObservationContext context) {
        return "gateway " + context.getApplication();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(GatewayObservationContext context) {
        RequestOutcome outcome = context.getOutcome();
        if (outcome == null) {
            // The request is running: only what is known now, which also tags gateway.requests.active.
            return KeyValues.of(KeyValue.of(Tags.APP, context.getApplication()), method(context));
        }
        return KeyValues.of(KeyValue.of(Tags.APP, context.getApplication()), method(context),
                KeyValue.of(Tags.STATUS, status(outcome)), KeyValue.of(Tags.OUTCOME, outcome(outcome)),
                KeyValue.of(Tags.EXCEPTION, exception(context)));
    }

    /** Return the method, or {@code OTHER} for a method outside HTTP's own, so that tag values stay bounded. */
    protected KeyValue method(GatewayObservationContext context) {
        String method = context.getMethod();
        return KeyValue.of(Tags.METHOD, METHODS.contains(method) ? method : "OTHER");
    }

    private static String status(RequestOutcome outcome) {
        return outcome == null || outcome.status() == 0 ? "UNKNOWN" : Integer.toString(outcome.status());
    }

    private static String outcome(RequestOutcome outcome) {
        if (outcome == null || outcome.status() == 0) {
            return outcome != null && outcome.clientGone() ? "CLIENT_ABORTED" : "UNKNOWN";
        }
        if (outcome.clientGone()) {
            return "CLIENT_ABORTED";
        }
        return switch (outcome.status() / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            default -> "SERVER_ERROR";
        };
    }

    private static String exception(GatewayObservationContext context) {
        Throwable error = context.getError();
        if (error == null) {
            return "none";
        }
        String name = error.getClass().getSimpleName();
        return name.isEmpty() ? error.getClass().getName() : name;
    }
}
