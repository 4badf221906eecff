package dev.gatewayinterface.mount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.autoconfigure.StubExchange;
import dev.gatewayinterface.engine.Exchange;
import dev.gatewayinterface.engine.RequestObserver;
import dev.gatewayinterface.engine.RequestOutcome;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Serve one request through an observer on a thread of its own, as a server does, blocked until the test releases
 * it or something interrupts it, and record what its thread saw: the stand-in for a request still in flight at
 * shutdown.
 */
public final class BlockedRequest {

    private static final long LIMIT_SECONDS = 20;

    private final CountDownLatch ended = new CountDownLatch(1);

    private volatile boolean interrupted;

    private volatile boolean interruptedAfterEnd;

    private volatile boolean disconnectedWhenInterrupted;

    private BlockedRequest() {
    }

    /**
     * Start the request and return once the observer registered it.
     * @param observer the observer that hears of the request
     * @param exchange the request
     * @param responded whether its response ended before it blocks, as when its body is being closed
     * @param release the latch whose opening lets the request end
     * @return the request
     */
    public static BlockedRequest start(RequestObserver observer, Exchange exchange, boolean responded,
            CountDownLatch release) throws InterruptedException {
        BlockedRequest blocked = new BlockedRequest();
        CountDownLatch registered = new CountDownLatch(1);
        new Thread(() -> {
            if (exchange instanceof StubExchange stub) {
                stub.servedOn(Thread.currentThread());
            }
            RequestObserver.Request request = observer.requestStarted(exchange);
            if (responded) {
                request.responseEnded();
            }
            registered.countDown();
            try {
                release.await();
            }
            catch (InterruptedException ex) {
                blocked.interrupted = true;
                blocked.disconnectedWhenInterrupted = exchange instanceof StubExchange stub
                        && stub.disconnectedBeforeInterrupt();
                // As well-behaved code does: the flag stays set for whoever runs next on this thread.
                Thread.currentThread().interrupt();
            }
            request.requestEnded(new RequestOutcome(200, 0, 0, null, false, false));
            blocked.interruptedAfterEnd = Thread.currentThread().isInterrupted();
            blocked.ended.countDown();
        }).start();
        assertThat(registered.await(LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        return blocked;
    }

    /** Wait until the request ended; return whether it did in time. */
    public boolean awaitEnd() throws InterruptedException {
        return ended.await(LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Tell whether the request's wait was interrupted. */
    public boolean interrupted() {
        return interrupted;
    }

    /** Tell whether the exchange, a {@link StubExchange}, was disconnected before its thread was interrupted. */
    public boolean disconnectedWhenInterrupted() {
        return disconnectedWhenInterrupted;
    }

    /** Tell whether the thread was still interrupted once the request had ended. */
    public boolean interruptedAfterEnd() {
        return interruptedAfterEnd;
    }
}
