package dev.gatewayinterface.test.tck;

import dev.gatewayinterface.Application;

/**
 * Give a scenario the binding under test.
 */
public final class TckContext {

    private final TckBinding binding;

    TckContext(TckBinding binding) {
        this.binding = binding;
    }

    /**
     * Serve one request with the application.
     * @param application the scenario's application
     * @param request the request, its target below the mount path
     * @return what the client received
     * @throws Exception if the request could not be made
     */
    public TckResponse send(Application application, TckRequest request) throws Exception {
        return binding.send(application, request);
    }

    /**
     * Return the raw mount path of the binding, which starts every {@code SCRIPT_NAME}.
     * @return the mount path
     */
    public String mountPath() {
        return binding.mountPath();
    }

    /**
     * Tell whether requests travel over a real connection.
     * @return {@code true} for an HTTP binding
     */
    public boolean overTheWire() {
        return binding.overTheWire();
    }
}
