package dev.gatewayinterface.autoconfigure.uwsgi;

import dev.gatewayinterface.observation.GatewayMetrics;
import dev.gatewayinterface.uwsgi.UwsgiFault;
import dev.gatewayinterface.uwsgi.UwsgiStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Register the uwsgi listener's meters (docs/METRICS.md): its open connections, the requests it answered itself by
 * reason, and the connections it closed for bad input by fault. Requests that reach an application are timed by
 * {@code gateway.requests} like any other.
 */
public final class GatewayUwsgiMeters implements MeterBinder {

    private final UwsgiStatistics statistics;

    GatewayUwsgiMeters(UwsgiStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(GatewayMetrics.UWSGI_CONNECTIONS.getName(), statistics, UwsgiStatistics::connections)
            .description(GatewayMetrics.UWSGI_CONNECTIONS.getDescription())
            .register(registry);
        for (UwsgiStatistics.Refusal refusal : UwsgiStatistics.Refusal.values()) {
            FunctionCounter.builder(GatewayMetrics.UWSGI_REFUSED.getName(), statistics, s -> s.refused(refusal))
                .description(GatewayMetrics.UWSGI_REFUSED.getDescription())
                .tag(GatewayMetrics.Tags.REASON, UwsgiStatistics.tag(refusal))
                .register(registry);
        }
        for (UwsgiFault fault : UwsgiFault.values()) {
            FunctionCounter.builder(GatewayMetrics.UWSGI_FAULTS.getName(), statistics, s -> s.faults(fault))
                .description(GatewayMetrics.UWSGI_FAULTS.getDescription())
                .tag(GatewayMetrics.Tags.FAULT, fault.tag())
                .register(registry);
        }
    }
}
