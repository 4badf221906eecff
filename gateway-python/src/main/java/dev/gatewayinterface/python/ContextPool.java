package dev.gatewayinterface.python;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keep a fixed number of {@link PythonContext}s, each lent to one request at a time. A queue, not a lock, holds
 * the idle ones, because a context may be given back on another thread than the one that took it.
 */
final class ContextPool implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(PythonApplication.class);

    private final PythonRuntime runtime;

    private final PythonApplicationConfig config;

    private final List<PythonContext> contexts;

    private final BlockingQueue<PythonContext> idle;

    private final AtomicInteger waiting = new AtomicInteger();

    /** How many contexts were started, for the names of their threads. */
    private final AtomicInteger started;

    private ContextPool(PythonRuntime runtime, PythonApplicationConfig config, List<PythonContext> contexts) {
        this.runtime = runtime;
        this.config = config;
        this.contexts = new CopyOnWriteArrayList<>(contexts);
        this.idle = new ArrayBlockingQueue<>(contexts.size(), true, contexts);
        this.started = new AtomicInteger(contexts.size());
    }

    /**
     * Start every context, importing the application into each. The first starts alone, filling the
     * {@code .pyc} cache and the engine's shared code, which makes the others several times faster.
     * @throws PythonException if a context fails to import the application; the others are closed
     */
    static ContextPool start(PythonRuntime runtime, PythonApplicationConfig config) {
        List<PythonContext> contexts = new ArrayList<>(config.poolSize());
        contexts.add(startOne(runtime, config, 1, "context 1 of " + config.poolSize()));
        if (config.poolSize() == 1) {
            return new ContextPool(runtime, config, contexts);
        }
        int threads = Math.min(config.poolSize() - 1, Runtime.getRuntime().availableProcessors());
        ExecutorService executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "python-" + config.name() + "-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<PythonContext>> starting = new ArrayList<>();
            for (int index = 2; index <= config.poolSize(); index++) {
                int number = index;
                starting.add(CompletableFuture.supplyAsync(() -> startOne(runtime, config, number,
                        "context " + number + " of " + config.poolSize()), executor));
            }
            RuntimeException failure = null;
            for (CompletableFuture<PythonContext> context : starting) {
                try {
                    contexts.add(context.join());
                }
                catch (CompletionException ex) {
                    if (failure == null) {
                        failure = ex.getCause() instanceof RuntimeException cause ? cause : ex;
                    }
                }
            }
            if (failure != null) {
                for (PythonContext context : contexts) {
                    try {
                        context.close();
                    }
                    catch (RuntimeException closeFailure) {
                        // The import failure and its traceback are what the user must see; keep this beside it.
                        failure.addSuppressed(closeFailure);
                    }
                }
                throw failure;
            }
            return new ContextPool(runtime, config, contexts);
        }
        finally {
            executor.shutdownNow();
        }
    }

    private static PythonContext startOne(PythonRuntime runtime, PythonApplicationConfig config, int number,
            String which) {
        long start = System.nanoTime();
        PythonContext context = PythonContext.start(runtime, config, "python-" + config.name() + "-" + number);
        logger.info("Python application '{}': {} imported '{}' in {} ms", config.name(), which, config.app(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return context;
    }

    /**
     * Take an idle context, waiting up to the timeout for one.
     * @return the context, or {@code null} if none became free in time
     */
    PythonContext acquire(Duration timeout) throws InterruptedException {
        PythonContext context = idle.poll();
        if (context != null) {
            return context;
        }
        waiting.incrementAndGet();
        try {
            return idle.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        finally {
            waiting.decrementAndGet();
        }
    }

    /** Give a context back; one that a failure killed is closed and replaced by a new one, started meanwhile. */
    void release(PythonContext context) {
        if (!context.dead()) {
            idle.add(context);
            return;
        }
        if (context.cancelled()) {
            logger.info("Python application '{}': replacing a cancelled context", config.name());
        }
        else {
            logger.error("Python application '{}': a context can run no more Python (it exited, was cancelled or ran "
                    + "out of resources); replacing it", config.name());
        }
        contexts.remove(context);
        closeQuietly(context);
        Thread starter = new Thread(this::replace, "python-" + config.name() + "-restart");
        starter.setDaemon(true);
        starter.start();
    }

    private void replace() {
        try {
            PythonContext replacement = startOne(runtime, config, started.incrementAndGet(), "a new context");
            contexts.add(replacement);
            idle.add(replacement);
        }
        catch (RuntimeException ex) {
            logger.error("Python application '{}' could not replace a context; the pool is one context smaller",
                    config.name(), ex);
        }
    }

    private static void closeQuietly(PythonContext context) {
        try {
            context.close();
        }
        catch (RuntimeException ex) {
            // The context is already dead; failing to close it leaves nothing the pool still uses.
            logger.debug("A dead Python context failed to close", ex);
        }
    }

    int size() {
        return config.poolSize();
    }

    int idle() {
        return idle.size();
    }

    int waiting() {
        return waiting.get();
    }

    @Override
    public void close() {
        for (PythonContext context : contexts) {
            try {
                context.close();
            }
            catch (RuntimeException ex) {
                logger.warn("A Python context failed to close", ex);
            }
        }
    }
}
