package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Check that a {@link RequestObserver} hears of every request's start, first byte and outcome, whatever
 * the application did, and cannot break a request.
 */
class RequestObserverTests {

    private final List<String> events = new ArrayList<>();

    private RequestOutcome outcome;

    private final RequestObserver observer = exchange -> {
        events.add("started " + exchange.method());
        return new RequestObserver.Request() {

            @Override
            public void responseStarted(int status) {
                events.add("response " + status);
            }

            @Override
            public void responseEnded() {
                events.add("response ended");
            }

            @Override
            public void requestEnded(RequestOutcome ended) {
                events.add("ended");
                outcome = ended;
            }
        };
    };

    @Test
    void reportsStatusAndBytesOfASuccessfulRequest() {
        serve(new FakeExchange().method("POST").body("12345"), (environ, start) -> {
            byte[] body = ((Input) environ.get(Environ.WSGI_INPUT)).read();
            start.start("201 Created", List.of(new Header("Content-Type", "text/plain")));
            return List.of(body, "!!".getBytes(StandardCharsets.US_ASCII));
        });
        assertThat(events).containsExactly("started POST", "response 201", "response ended", "ended");
        assertThat(outcome).isEqualTo(new RequestOutcome(201, 5, 7, null, false, false));
    }

    @Test
    void reportsThe500OfAFailureTheBindingAnswersItself() {
        IllegalStateException failure = new IllegalStateException("boom");
        serve(new FakeExchange().answersFailures(), (environ, start) -> {
            throw failure;
        });
        assertThat(events).containsExactly("started GET", "response 500", "response ended", "ended");
        assertThat(outcome).isEqualTo(new RequestOutcome(500, 0, 0, failure, false, false));
    }

    @Test
    void reportsTheErrorAndThe500OfAFailureBeforeTheResponse() {
        IllegalStateException failure = new IllegalStateException("boom");
        serve(new FakeExchange(), (environ, start) -> {
            throw failure;
        });
        assertThat(events).containsExactly("started GET", "response 500", "response ended", "ended");
        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.error()).isSameAs(failure);
        assertThat(outcome.aborted()).isFalse();
    }

    @Test
    void reportsAnAbortAfterTheResponseStarted() {
        serve(new FakeExchange(), (environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return java.util.Arrays.asList("a".getBytes(), null);
        });
        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.aborted()).isTrue();
        assertThat(outcome.error()).hasMessageContaining("yielded null");
        assertThat(outcome.clientGone()).isFalse();
    }

    @Test
    void reportsAClientThatWentAway() {
        serve(new FakeExchange().failWritesAfter(2), (environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("ab".getBytes(), "cd".getBytes(), "ef".getBytes());
        });
        assertThat(outcome.clientGone()).isTrue();
        assertThat(outcome.aborted()).isTrue();
        assertThat(outcome.error()).isNull();
    }

    @Test
    void tellsTheResponseEndedBeforeTheBodyIsClosed() {
        serve(new FakeExchange(), (environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return TrackingBody.of("a", "b").onClose(() -> events.add("closed"));
        });
        assertThat(events).containsExactly("started GET", "response 200", "response ended", "closed", "ended");
    }

    @Test
    void tellsTheResponseEndedAfterAFailureToo() {
        serve(new FakeExchange(), (environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return TrackingBody.of("a", "b").failingAt(1, new IllegalStateException("boom"))
                .onClose(() -> events.add("closed"));
        });
        assertThat(events).containsExactly("started GET", "response 200", "response ended", "closed", "ended");
        assertThat(outcome.aborted()).isTrue();
    }

    @Test
    void servesTheRequestWhenTheObserverThrows() {
        RequestObserver broken = exchange -> {
            throw new IllegalStateException("observer bug");
        };
        FakeExchange exchange = new FakeExchange();
        new Gateway(ok(), GatewayOptions.defaults("app").withObserver(broken)).handle(exchange);
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void servesTheRequestWhenTheObservationThrows() {
        RequestObserver broken = exchange -> new RequestObserver.Request() {

            @Override
            public void responseStarted(int status) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void requestEnded(RequestOutcome ended) {
                throw new IllegalStateException("observer bug");
            }
        };
        FakeExchange exchange = new FakeExchange();
        new Gateway(ok(), GatewayOptions.defaults("app").withObserver(broken)).handle(exchange);
        assertThat(exchange.bodyText()).isEqualTo("ok");
        assertThat(exchange.completed()).isTrue();
    }

    private void serve(FakeExchange exchange, Application application) {
        new Gateway(application, GatewayOptions.defaults("app").withObserver(observer)).handle(exchange);
    }

    private static Application ok() {
        return (Map<String, Object> environ, dev.gatewayinterface.StartResponse start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("ok".getBytes(StandardCharsets.US_ASCII));
        };
    }
}
