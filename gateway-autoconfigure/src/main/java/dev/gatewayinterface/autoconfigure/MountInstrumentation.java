package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.engine.RequestObserver;
import dev.gatewayinterface.middleware.ContractViolationException;
import java.util.function.Consumer;

/**
 * Instrument each mounted application: observe its requests and hear of its contract violations. Beans of
 * this type are applied to every mount, for metrics, tracing or auditing.
 */
public interface MountInstrumentation {

    /**
     * Return the observer of one application's requests.
     * @param application the mounted application's name
     * @return the observer
     */
    RequestObserver requestObserver(String application);

    /**
     * Return the listener of one application's contract violations, used when {@code gateway.validate} is on.
     * @param application the mounted application's name
     * @return the listener
     */
    default Consumer<ContractViolationException> violationListener(String application) {
        return violation -> {
        };
    }
}
