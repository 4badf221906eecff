package dev.gatewayinterface.python.autoconfigure;

import dev.gatewayinterface.python.PythonApplication;
import dev.gatewayinterface.python.PythonPoolState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * Record each Python application's pool as meters tagged {@code app}, read when the registry asks: its size,
 * busy and idle contexts, waiting requests, and how many contexts were replaced, requests timed out and context
 * starts failed (docs/PYTHON.md lists them). An application not started yet reads as not a number.
 */
final class PythonPoolMetrics implements MeterBinder {

    private final PythonApplications applications;

    PythonPoolMetrics(PythonApplications applications) {
        this.applications = applications;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String app : applications.mounted()) {
            gauge(registry, app, "gateway.python.pool.size", "Contexts the pool keeps when all are up",
                    PythonPoolState::size);
            gauge(registry, app, "gateway.python.pool.busy", "Contexts serving a request", PythonPoolState::busy);
            gauge(registry, app, "gateway.python.pool.idle", "Contexts free for a request", PythonPoolState::idle);
            gauge(registry, app, "gateway.python.pool.waiting", "Requests waiting for a free context",
                    PythonPoolState::waiting);
            counter(registry, app, "gateway.python.contexts.replaced",
                    "Contexts that died, were cancelled or served their max-requests, and were replaced", PythonPoolState::replaced);
            counter(registry, app, "gateway.python.requests.timeouts",
                    "Requests cancelled because their Python ran past the timeout", PythonPoolState::timeouts);
            counter(registry, app, "gateway.python.contexts.start.failures",
                    "Failed attempts to start a replacement context", PythonPoolState::startFailures);
        }
    }

    private void gauge(MeterRegistry registry, String app, String name, String description,
            ToDoubleFunction<PythonPoolState> figure) {
        Gauge.builder(name, this, metrics -> metrics.read(app, figure)).description(description).tag("app", app)
            .register(registry);
    }

    private void counter(MeterRegistry registry, String app, String name, String description,
            ToDoubleFunction<PythonPoolState> figure) {
        FunctionCounter.builder(name, this, metrics -> metrics.read(app, figure)).description(description)
            .tag("app", app).register(registry);
    }

    private double read(String app, ToDoubleFunction<PythonPoolState> figure) {
        PythonApplication application = applications.started().get(app);
        return application == null ? Double.NaN : figure.applyAsDouble(application.poolState());
    }
}
