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
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keep a fixed number of {@link PythonContext}s, each lent to one request at a time, replacing those that die. A
 * queue, not a lock, holds the idle ones, because a context may be given back on another thread than the one
 * that took it.
 */
final class ContextPool implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(PythonApplication.class);

    /** The longest wait between two attempts to start a context. */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** How long an idle context's Python may take to finalise (atexit handlers) when the pool closes. */
    private static final Duration FINALISATION_TIMEOUT = Duration.ofSeconds(10);

    private final PythonRuntime runtime;

    private final PythonApplicationConfig config;

    private final List<PythonContext> contexts;

    private final BlockingQueue<PythonContext> idle;

    private final AtomicInteger waiting = new AtomicInteger();

    /** How many contexts were started, for the names of their threads. */
    private final AtomicInteger started;

    private final AtomicLong replaced = new AtomicLong();

    private final AtomicLong timeouts = new AtomicLong();

    private final AtomicLong startFailures = new AtomicLong();

    /** Starts replacement contexts, one at a time, and retries those that failed. */
    private final ScheduledThreadPoolExecutor restarter;

    /** Whether the pool is closing; guarded by {@code this}, so that no replacement starts once it is. */
    private boolean closing;

    /** Whether the last attempt to start a replacement failed, and none started since. */
    private volatile boolean failing;

    private ContextPool(PythonRuntime runtime, PythonApplicationConfig config, List<PythonContext> contexts) {
        this.runtime = runtime;
        this.config = config;
        this.contexts = new CopyOnWriteArrayList<>(contexts);
        this.idle = new ArrayBlockingQueue<>(contexts.size(), true, contexts);
        this.started = new AtomicInteger(contexts.size());
        this.restarter = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "python-" + config.name() + "-restart");
            thread.setDaemon(true);
            return thread;
        });
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
     * Take an idle context, waiting up to the timeout for one, unless the pool is {@linkplain #down() down}: then
     * no context can come soon, and the request is better answered at once.
     * @return the context, or {@code null} if none became free in time, or the pool is down
     */
    PythonContext acquire(Duration timeout) throws InterruptedException {
        PythonContext context = idle.poll();
        if (context != null || down()) {
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

    /**
     * Give a context back. One that a failure killed, or that served its {@code max-requests}, is closed and
     * replaced by a new one, started meanwhile and retried with a growing delay while it fails; once the pool is
     * closing, nothing is replaced.
     */
    void release(PythonContext context) {
        if (!context.dead() && !context.servedItsLastRequest()) {
            idle.add(context);
            return;
        }
        if (!context.dead()) {
            retire(context);
            return;
        }
        boolean cancelled = context.cancelled();
        contexts.remove(context);
        closeQuietly(context);
        synchronized (this) {
            if (closing) {
                return;
            }
            replaced.incrementAndGet();
            if (cancelled) {
                logger.info("Python application '{}': replacing a cancelled context", config.name());
            }
            else {
                logger.error("Python application '{}': a context can run no more Python (it exited, was cancelled "
                        + "or ran out of resources); replacing it", config.name());
            }
            restarter.execute(() -> replace(1));
        }
    }

    /** Finalise a context that served its {@code max-requests}, as Gunicorn restarts such a worker, and replace it. */
    private void retire(PythonContext context) {
        synchronized (this) {
            if (closing) {
                idle.add(context);
                return;
            }
            contexts.remove(context);
            replaced.incrementAndGet();
            logger.info("Python application '{}': a context served its maximum number of requests; replacing it",
                    config.name());
            restarter.execute(() -> {
                context.close(FINALISATION_TIMEOUT);
                replace(1);
            });
        }
    }

    private void replace(int attempt) {
        PythonContext replacement;
        try {
            replacement = startOne(runtime, config, started.incrementAndGet(), "a new context");
        }
        catch (RuntimeException ex) {
            synchronized (this) {
                if (closing) {
                    logger.debug("A Python context starting while the pool closed failed", ex);
                    return;
                }
                startFailures.incrementAndGet();
                failing = true;
                Duration delay = backoff(attempt);
                logger.error("Python application '{}' could not start a new context (attempt {}); trying again in {}",
                        config.name(), attempt, delay, ex);
                restarter.schedule(() -> replace(attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        synchronized (this) {
            if (!closing) {
                failing = false;
                contexts.add(replacement);
                idle.add(replacement);
                return;
            }
        }
        // Started while the pool closed: nobody will use it, so it is finalised at once.
        replacement.close(FINALISATION_TIMEOUT);
    }

    /** Return the wait before the given attempt's retry: one second, doubled each time, at most half a minute. */
    static Duration backoff(int attempt) {
        long seconds = 1L << Math.min(attempt - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
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

    /**
     * Tell whether the pool is closing, and so cancels the contexts still busy past the grace period.
     */
    synchronized boolean closing() {
        return closing;
    }

    /**
     * Tell whether the pool has no working context and the last attempt to start one failed: requests cannot be
     * served until a later attempt, after its backoff, succeeds.
     */
    boolean down() {
        return failing && contexts.isEmpty();
    }

    /** Count a request whose Python ran past the timeout. */
    void timedOut() {
        timeouts.incrementAndGet();
    }

    /** Describe the pool now. */
    PythonPoolState state() {
        int live = contexts.size();
        int free = idle.size();
        return new PythonPoolState(config.poolSize(), Math.max(live - free, 0), free, waiting.get(), replaced.get(),
                timeouts.get(), startFailures.get());
    }

    /**
     * Close the pool. Idle contexts finalise Python (atexit handlers run); contexts still serving a request are
     * waited for up to the grace period, then finalised too, or cancelled if still busy. No context is replaced
     * any more, and one starting meanwhile is closed as soon as it is up.
     * @param grace how long to wait for requests still running
     */
    void close(Duration grace) {
        synchronized (this) {
            closing = true;
        }
        restarter.shutdownNow();
        long deadline = System.nanoTime() + grace.toNanos();
        while (!contexts.isEmpty()) {
            PythonContext context;
            try {
                context = idle.poll(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            if (context == null) {
                break;
            }
            contexts.remove(context);
            context.close(FINALISATION_TIMEOUT);
        }
        for (PythonContext busy : contexts) {
            logger.warn("Python application '{}': a context still served a request when the shutdown's grace "
                    + "period ended; cancelling it", config.name());
            busy.close();
        }
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }
}
