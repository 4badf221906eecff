package dev.gatewayinterface.mount;

import dev.gatewayinterface.engine.Exchange;
import dev.gatewayinterface.engine.RequestObserver;
import dev.gatewayinterface.engine.RequestOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keep track of the requests the mounted applications are serving, each with the thread that runs it, so that
 * those still running when the application shuts down can be aborted and waited for (docs/SERVING.md, Shutdown).
 *
 * <p>Aborting disconnects and then interrupts the thread of each request whose response has not ended, and never
 * after the request ended: a blocked read, write or wait of the application then fails, and the engine closes the
 * body as after any failure. A request whose response ended, as the engine or the server sees it, is closing its body and is only
 * waited for. A request that starts after the abort is interrupted at once.
 */
public final class InFlightRequests {

    private final Set<InFlight> requests = ConcurrentHashMap.newKeySet();

    private volatile boolean aborting;

    /** How many threads wait for the requests to end, counted before they look, so that no end goes unseen. */
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * Return the observer that registers one mounted application's requests while they run.
     * @param application the application's name, for the log
     * @return the observer
     */
    public RequestObserver observer(String application) {
        return exchange -> {
            InFlight request = new InFlight(application + " " + exchange.method() + " " + exchange.rawScriptName()
                    + exchange.rawPathInfo(), exchange, Thread.currentThread());
            requests.add(request);
            if (aborting) {
                request.interrupt();
            }
            return new RequestObserver.Request() {

                @Override
                public void responseEnded() {
                    request.responded();
                }

                @Override
                public void requestEnded(RequestOutcome outcome) {
                    request.end();
                    requests.remove(request);
                    // Only a shutdown waits: the requests of a running server take no common lock.
                    if (waiting.get() > 0) {
                        synchronized (InFlightRequests.this) {
                            InFlightRequests.this.notifyAll();
                        }
                    }
                }
            };
        };
    }

    /**
     * Return how many requests are in flight.
     * @return the count
     */
    public int count() {
        return requests.size();
    }

    /**
     * Interrupt every request in flight whose response has not ended, and from now on every request that starts.
     * @return a description of each request interrupted, such as {@code "slow GET /slow/"}
     */
    public List<String> abort() {
        aborting = true;
        List<String> aborted = new ArrayList<>();
        for (InFlight request : requests) {
            if (request.interrupt()) {
                aborted.add(request.description);
            }
        }
        return aborted;
    }

    /**
     * Stop interrupting the requests that start, once the server serves again after a restart of the context.
     */
    public void resume() {
        aborting = false;
    }

    /**
     * Wait until no request is in flight.
     * @param timeout the longest wait
     * @return {@code true} if none is, {@code false} if some still were at the timeout
     * @throws InterruptedException if interrupted while waiting
     */
    public synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        waiting.incrementAndGet();
        try {
            while (!requests.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // Each request's end notifies while this holds the monitor or waits: no end goes unseen.
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
        finally {
            waiting.decrementAndGet();
        }
    }

    /** One request, and the thread that runs it until it ended. */
    private static final class InFlight {

        private final String description;

        private final Exchange exchange;

        private final Thread thread;

        private boolean responded;

        private boolean ended;

        private boolean interrupted;

        InFlight(String description, Exchange exchange, Thread thread) {
            this.description = description;
            this.exchange = exchange;
            this.thread = thread;
        }

        /** Interrupt the request's thread unless its response ended; return whether it was interrupted. */
        synchronized boolean interrupt() {
            // The server may have ended the response before the engine heard of it: its last bytes just went out.
            if (responded || ended || exchange.responseFinished()) {
                return false;
            }
            interrupted = true;
            // The server may not have closed the connection yet: the failure the interrupt causes must not reach it.
            exchange.disconnect();
            thread.interrupt();
            return true;
        }

        /** Mark the response ended: the body is being closed, which an interrupt must not disturb. */
        synchronized void responded() {
            responded = true;
        }

        /** Mark the request ended, on its own thread; an interrupt meant for it must not reach the next request. */
        synchronized void end() {
            ended = true;
            if (interrupted) {
                Thread.interrupted();
            }
        }
    }
}
