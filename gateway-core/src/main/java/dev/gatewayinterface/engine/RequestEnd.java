package dev.gatewayinterface.engine;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run code when a request ends, after its body was closed and its response finished or aborted. Found in
 * every environ under {@value #ENVIRON_KEY}; middleware uses it to check what can only be checked once the
 * request is over, such as whether the server closed the body (docs/SPEC.md §3.1).
 */
public final class RequestEnd {

    /** The environ key of the request's {@code RequestEnd}. */
    public static final String ENVIRON_KEY = "gateway.request_end";

    private static final Logger logger = LoggerFactory.getLogger(RequestEnd.class);

    private List<Runnable> hooks;

    private boolean ended;

    /**
     * Create the end of a request; servers that use {@link Gateway} get one per request.
     */
    public RequestEnd() {
    }

    /**
     * Run the hook when the request ends.
     * @param hook the code to run; what it throws is logged, not propagated, but for a {@link VirtualMachineError}
     * @throws IllegalStateException if the request has already ended
     */
    public synchronized void onEnd(Runnable hook) {
        if (ended) {
            throw new IllegalStateException("the request has already ended");
        }
        if (hooks == null) {
            hooks = new ArrayList<>(2);
        }
        hooks.add(hook);
    }

    /**
     * End the request: run every hook once, in the order they were added, each whatever the ones before it
     * threw. What a hook throws is logged; a {@link VirtualMachineError} is rethrown after the last hook.
     */
    public void end() {
        List<Runnable> toRun;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            toRun = hooks;
        }
        if (toRun == null) {
            return;
        }
        // An Error from one hook must not skip the next: that one may hand a resource back (a Python context).
        Cleanup cleanup = new Cleanup(logger);
        for (Runnable hook : toRun) {
            cleanup.run("A request-end hook failed", hook::run);
        }
        cleanup.rethrowFatal();
    }
}
