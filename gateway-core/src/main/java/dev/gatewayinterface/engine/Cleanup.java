package dev.gatewayinterface.engine;

import org.slf4j.Logger;

/**
 * Run the steps that end a request so that no step is skipped, whatever an earlier one throws (docs/SPEC.md
 * §1.3, §7): each failure is logged and the next step runs; a {@link VirtualMachineError} is rethrown only once
 * every step has run, since the JVM may not survive it but the request's resources must still be given back.
 */
final class Cleanup {

    private final Logger logger;

    private VirtualMachineError fatal;

    Cleanup(Logger logger) {
        this.logger = logger;
    }

    /**
     * Run one step, logging what it throws at ERROR with the given description.
     * @param failed what to log when the step throws, such as "A request-end hook failed"
     * @param step the step
     */
    void run(String failed, Step step) {
        try {
            step.run();
        }
        catch (Throwable failure) {
            logger.error(failed, failure);
            if (failure instanceof VirtualMachineError error) {
                if (fatal == null) {
                    fatal = error;
                }
                else {
                    fatal.addSuppressed(error);
                }
            }
        }
    }

    /** Record a {@link VirtualMachineError} thrown outside the steps, to be rethrown after them. */
    void fatal(VirtualMachineError error) {
        if (fatal == null) {
            fatal = error;
        }
    }

    /** Rethrow the first {@link VirtualMachineError} any step threw, if one did. */
    void rethrowFatal() {
        if (fatal != null) {
            throw fatal;
        }
    }

    /** One step of the end of a request. */
    @FunctionalInterface
    interface Step {

        void run() throws Exception;
    }
}
