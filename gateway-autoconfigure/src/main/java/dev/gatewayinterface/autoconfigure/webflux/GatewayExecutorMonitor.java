package dev.gatewayinterface.autoconfigure.webflux;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Watch the executor that runs applications on the reactive stack: how many run, how many wait, and how many
 * were refused, for the actuator endpoint and the health indicator. Every request's task goes through it.
 *
 * <p>Not itself an {@link Executor}, so that it is no bean of that type: Spring Boot's task execution backs off
 * when one exists, and a user's injection of an {@code Executor} by type would find it.
 */
public final class GatewayExecutorMonitor {

    private final Executor delegate;

    /** What kind of threads the executor has: {@code platform}, {@code virtual}, or {@code custom}. */
    private final String threads;

    /** The most tasks it runs at once, or -1 if the executor does not say. */
    private final int maxThreads;

    /** The most tasks it queues, or -1 if the executor does not say. */
    private final int queueCapacity;

    private final AtomicInteger running = new AtomicInteger();

    private final LongAdder rejected = new LongAdder();

    /** When the last request was refused, in {@link System#nanoTime()} terms; 0 if none was. */
    private final AtomicLong lastRejection = new AtomicLong();

    /**
     * Watch an executor, reading its limits from the executor itself: a {@link ThreadPoolTaskExecutor}'s pool and
     * queue, a {@link SimpleAsyncTaskExecutor}'s concurrency limit; any other executor's are unknown.
     * @param delegate the executor that runs the tasks
     * @param virtualThreads whether a thread-per-task executor runs virtual threads
     */
    public GatewayExecutorMonitor(Executor delegate, boolean virtualThreads) {
        this.delegate = delegate;
        if (delegate instanceof ThreadPoolTaskExecutor pool) {
            this.threads = "platform";
            this.maxThreads = pool.getMaxPoolSize();
            this.queueCapacity = pool.getQueueCapacity();
        }
        else if (delegate instanceof SimpleAsyncTaskExecutor simple) {
            this.threads = virtualThreads ? "virtual" : "thread-per-task";
            this.maxThreads = simple.getConcurrencyLimit();
            this.queueCapacity = 0;
        }
        else {
            this.threads = "custom";
            this.maxThreads = -1;
            this.queueCapacity = -1;
        }
    }

    /**
     * Run a task on the watched executor, counting it while it runs, and counting a refusal.
     * @param task the task
     * @throws RejectedExecutionException if the executor refuses it
     */
    public void execute(Runnable task) {
        try {
            delegate.execute(() -> {
                running.incrementAndGet();
                try {
                    task.run();
                }
                finally {
                    running.decrementAndGet();
                }
            });
        }
        catch (RejectedExecutionException ex) {
            rejected.increment();
            lastRejection.set(System.nanoTime());
            throw ex;
        }
    }

    /**
     * Return how many applications run now.
     * @return the count
     */
    public int running() {
        return running.get();
    }

    /**
     * Return how many requests wait for a thread.
     * @return the count, 0 for an executor without a queue
     */
    public int queued() {
        return delegate instanceof ThreadPoolTaskExecutor pool ? pool.getQueueSize() : 0;
    }

    /**
     * Return how many requests were refused since startup, each answered 503.
     * @return the count
     */
    public long rejected() {
        return rejected.sum();
    }

    /**
     * Tell whether a request was refused within the given time.
     * @param window how far back to look
     * @return {@code true} if one was
     */
    public boolean rejectedWithin(Duration window) {
        long last = lastRejection.get();
        return last != 0 && System.nanoTime() - last <= window.toNanos();
    }

    /**
     * Tell whether a new request would be refused now: every thread busy and the queue full.
     * @return {@code true} if saturated
     */
    public boolean saturated() {
        // An executor whose limits are unknown is judged by the requests it refused alone.
        return maxThreads >= 0 && running() >= maxThreads && queued() >= queueCapacity;
    }

    /**
     * Describe the executor's state.
     * @return its figures, by name
     */
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("threads", threads);
        state.put("maxThreads", maxThreads);
        state.put("running", running());
        state.put("queued", queued());
        state.put("queueCapacity", queueCapacity);
        state.put("rejected", rejected());
        return state;
    }
}
