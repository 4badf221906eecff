package dev.gatewayinterface.autoconfigure;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Build the executors that run applications off a server's event loops, by one set of rules for every binding that
 * needs them (the reactive stack, the uwsgi listener): a bounded pool of platform threads with a bounded queue, or one
 * virtual thread per request up to a limit; either refuses a request beyond its bounds, which the binding answers 503.
 */
public final class GatewayExecutors {

    private GatewayExecutors() {
    }

    /**
     * Build a pool of platform threads.
     * @param threadNamePrefix the prefix of its threads' names
     * @param maxThreads the most applications running at once
     * @param queueCapacity the most requests waiting for a thread
     * @return the pool, not yet initialised
     */
    public static ThreadPoolTaskExecutor platformThreads(String threadNamePrefix, int maxThreads, int queueCapacity) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(threadNamePrefix);
        // As many core threads as the maximum: a pool only grows past its core size once its queue is full.
        executor.setCorePoolSize(maxThreads);
        executor.setMaxPoolSize(maxThreads);
        executor.setAllowCoreThreadTimeOut(true);
        executor.setQueueCapacity(queueCapacity);
        // The pool would stop taking tasks when the context starts closing, before the server's graceful
        // drain: requests still let in would then get 503. Take them until the pool is destroyed; by then the
        // servers have stopped and GatewayShutdown has aborted and waited for what still ran.
        executor.setAcceptTasksAfterContextClose(true);
        return executor;
    }

    /**
     * Build an executor that runs each request on a virtual thread of its own (JDK 21 or later).
     * @param threadNamePrefix the prefix of its threads' names
     * @param maxThreads the most applications running at once
     * @return the executor
     */
    public static SimpleAsyncTaskExecutor virtualThreads(String threadNamePrefix, int maxThreads) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(threadNamePrefix);
        executor.setVirtualThreads(true);
        executor.setConcurrencyLimit(maxThreads);
        executor.setRejectTasksWhenLimitReached(true);
        return executor;
    }
}
