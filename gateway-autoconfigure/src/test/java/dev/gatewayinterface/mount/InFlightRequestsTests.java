package dev.gatewayinterface.mount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.autoconfigure.StubExchange;
import dev.gatewayinterface.engine.RequestObserver;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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
        BlockedRequest request = serve(new StubExchange("GET"), false);
        assertThat(requests.abort()).containsExactly("app GET /");
        assertThat(request.awaitEnd()).isTrue();
        assertThat(request.interrupted()).isTrue();
        assertThat(requests.awaitNone(LIMIT)).isTrue();
    }

    @Test
    void disconnectsARequestBeforeInterruptingItSoThatItsFailureReachesNoClient() throws Exception {
        StubExchange exchange = new StubExchange("GET");
        BlockedRequest request = serve(exchange, false);
        requests.abort();
        assertThat(request.awaitEnd()).isTrue();
        assertThat(request.interrupted()).isTrue();
        assertThat(request.disconnectedWhenInterrupted()).isTrue();
    }

    @Test
    void leavesTheConnectionOfARequestClosingItsBodyOpen() throws Exception {
        StubExchange exchange = new StubExchange("GET");
        serve(exchange, true);
        requests.abort();
        assertThat(exchange.disconnected()).isFalse();
    }

    @Test
    void waitsForARequestClosingItsBodyWithoutInterruptingIt() throws Exception {
        BlockedRequest request = serve(new StubExchange("GET"), true);
        assertThat(requests.abort()).isEmpty();
        assertThat(requests.count()).isOne();
        release.countDown();
        assertThat(requests.awaitNone(LIMIT)).isTrue();
        assertThat(request.interrupted()).isFalse();
    }

    @Test
    void waitsForARequestWhoseResponseTheServerEndedWithoutInterruptingIt() throws Exception {
        BlockedRequest request = serve(new StubExchange("GET").finishedByTheServer(), false);
        assertThat(requests.abort()).isEmpty();
        release.countDown();
        assertThat(requests.awaitNone(LIMIT)).isTrue();
        assertThat(request.interrupted()).isFalse();
    }

    @Test
    void interruptsARequestThatStartsAfterTheAbort() throws Exception {
        requests.abort();
        BlockedRequest request = serve(new StubExchange("GET"), false);
        assertThat(request.awaitEnd()).isTrue();
        assertThat(request.interrupted()).isTrue();
    }

    @Test
    void letsRequestsRunAgainOnceResumed() throws Exception {
        requests.abort();
        requests.resume();
        serve(new StubExchange("GET"), false);
        assertThat(requests.count()).isOne();
        release.countDown();
        assertThat(requests.awaitNone(LIMIT)).isTrue();
    }

    @Test
    void clearsItsInterruptOnceTheRequestEnded() throws Exception {
        BlockedRequest request = serve(new StubExchange("GET"), false);
        requests.abort();
        assertThat(request.awaitEnd()).isTrue();
        assertThat(request.interruptedAfterEnd()).isFalse();
    }

    @Test
    void saysWhenRequestsStillRunAtTheTimeout() throws Exception {
        serve(new StubExchange("GET"), true);
        assertThat(requests.awaitNone(Duration.ofMillis(1))).isFalse();
    }

    @Test
    void interruptsNoRequestThatEnded() throws Exception {
        BlockedRequest request = serve(new StubExchange("GET"), false);
        release.countDown();
        assertThat(request.awaitEnd()).isTrue();
        assertThat(requests.abort()).isEmpty();
        assertThat(requests.count()).isZero();
    }

    private BlockedRequest serve(StubExchange exchange, boolean responded) throws InterruptedException {
        return BlockedRequest.start(observer, exchange, responded, release);
    }
}
