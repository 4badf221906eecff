package dev.gatewayinterface.python;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.MDC;

/**
 * Run all of one context's Python on the context's own platform thread, as a Gunicorn sync worker runs its
 * requests: the import and every request see the same Python thread, so {@code threading.local} state and
 * per-thread connections behave as they do there. A request thread hands each step over and waits on a
 * {@link Future}, which parks a virtual thread instead of pinning its carrier while Python runs; its logging
 * context (SLF4J's MDC) goes with each step.
 */
final class PythonWorker {

    private static final long STACK_SIZE = 8L * 1024 * 1024;

    private final String name;

    private final ExecutorService thread;

    PythonWorker(String name) {
        this.name = name;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            // Python's recursion runs deep in GraalPy's interpreter (Django's import, for one): give the worker the
            // stack a main thread has, not a pool thread's default.
            Thread worker = new Thread(null, task, name, STACK_SIZE);
            // A context stuck in native code must not keep the JVM alive; the pool closes its workers itself.
            worker.setDaemon(true);
            return worker;
        });
    }

    /**
     * Run the task on the worker's thread and wait for its result.
     * @param task the step to run, which may throw what its caller would
     * @param timeout the longest wait, {@link Duration#ZERO} for none
     * @return what the task returned
     * @throws WorkerTimeoutException if the task ran past the timeout; it still runs until cancelled
     */
    <T> T run(Callable<T> task, Duration timeout) {
        Future<T> result;
        // What the request thread logs with (a trace id, say) goes with the step, for the Java callbacks it makes.
        Map<String, String> context = MDC.getCopyOfContextMap();
        try {
            result = thread.submit(() -> {
                if (context != null) {
                    MDC.setContextMap(context);
                }
                try {
                    return task.call();
                }
                finally {
                    MDC.clear();
                }
            });
        }
        catch (RejectedExecutionException ex) {
            throw new IllegalStateException("the Python context was closed", ex);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return timeout.isZero() ? result.get() : result.get(deadline - System.nanoTime(),
                            TimeUnit.NANOSECONDS);
                }
                catch (InterruptedException ex) {
                    // Python cannot be left halfway through a step; the timeout bounds the wait instead.
                    interrupted = true;
                }
                catch (ExecutionException ex) {
                    throw PythonCall.sneaky(ex.getCause());
                }
                catch (TimeoutException ex) {
                    throw new WorkerTimeoutException(timeout);
                }
            }
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String name() {
        return name;
    }

    /**
     * Let the thread end once the steps already handed over are done; take no more.
     */
    void shutdown() {
        thread.shutdown();
    }

    /**
     * Tell a step ran past its timeout; its context must be cancelled and replaced.
     */
    static final class WorkerTimeoutException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Duration timeout;

        WorkerTimeoutException(Duration timeout) {
            super("the Python code ran longer than its timeout of " + timeout);
            this.timeout = timeout;
        }

        Duration timeout() {
            return timeout;
        }
    }
}
