package dev.gatewayinterface.mount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.autoconfigure.StubExchange;
import dev.gatewayinterface.engine.RequestObserver;
import dev.gatewayinterface.engine.RequestOutcome;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Check that the registry of requests in flight interrupts exactly the requests still producing a response when
 * aborted, never one that ended, and waits for all of them to end.
 */
class InFlightRequestsTests {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final InFlightRequests requests = new InFlightRequests();

    private final RequestObserver observer = requests.observer("app");

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseRequests() {
        release.countDown();
    }

    @Test
    void interruptsARequestStillProducingItsResponse() throws Exception {
        Served request = serve(false);
        assertThat(requests.abort()).containsExactly("app GET /");
        assertThat(request.ended.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(request.interrupted).isTrue();
        assertThat(requests.awaitNone(LIMIT)).isTrue();
    }

    @Test
    void waitsForARequestClosingItsBodyWithoutInterruptingIt() throws Exception {
        Served request = serve(true);
        assertThat(requests.abort()).isEmpty();
        assertThat(requests.count()).isOne();
        release.countDown();
        assertThat(requests.awaitNone(LIMIT)).isTrue();
        assertThat(request.interrupted).isFalse();
    }

    @Test
    void waitsForARequestWhoseResponseTheServerEndedWithoutInterruptingIt() throws Exception {
        Served request = serve(new StubExchange("GET").finishedByTheServer(), false);
        assertThat(requests.abort()).isEmpty();
        release.countDown();
        assertThat(requests.awaitNone(LIMIT)).isTrue();
        assertThat(request.interrupted).isFalse();
    }

    @Test
    void interruptsARequestThatStartsAfterTheAbort() throws Exception {
        requests.abort();
        Served request = serve(false);
        assertThat(request.ended.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(request.interrupted).isTrue();
    }

    @Test
    void clearsItsInterruptOnceTheRequestEnded() throws Exception {
        Served request = serve(false);
        requests.abort();
        assertThat(request.ended.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(request.interruptedAfterEnd).isFalse();
    }

    @Test
    void saysWhenRequestsStillRunAtTheTimeout() throws Exception {
        serve(true);
        assertThat(requests.awaitNone(Duration.ofMillis(1))).isFalse();
    }

    @Test
    void interruptsNoRequestThatEnded() throws Exception {
        Served request = serve(false);
        release.countDown();
        assertThat(request.ended.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(requests.abort()).isEmpty();
        assertThat(requests.count()).isZero();
    }

    private Served serve(boolean responded) throws InterruptedException {
        return serve(new StubExchange("GET"), responded);
    }

    /** Serve a request on a thread of its own, which waits for the release, and wait until it is registered. */
    private Served serve(StubExchange exchange, boolean responded) throws InterruptedException {
        Served served = new Served();
        CountDownLatch registered = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            RequestObserver.Request request = observer.requestStarted(exchange);
            if (responded) {
                request.responseEnded();
            }
            registered.countDown();
            try {
                release.await();
            }
            catch (InterruptedException ex) {
                served.interrupted = true;
                // As well-behaved code does: the flag stays set for whoever runs next on this thread.
                Thread.currentThread().interrupt();
            }
            request.requestEnded(new RequestOutcome(200, 0, 0, null, false, false));
            served.interruptedAfterEnd = Thread.currentThread().isInterrupted();
            served.ended.countDown();
        });
        thread.start();
        assertThat(registered.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return served;
    }

    /** What one request's thread saw. */
    private static final class Served {

        final CountDownLatch ended = new CountDownLatch(1);

        volatile boolean interrupted;

        volatile boolean interruptedAfterEnd;
    }
}
