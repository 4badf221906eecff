package dev.gatewayinterface.mount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.autoconfigure.StubExchange;
import dev.gatewayinterface.engine.RequestObserver;
import dev.gatewayinterface.engine.RequestOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Check that combined request observers each hear of every event of a request, in their order.
 */
class RequestObserversTests {

    private final List<String> events = new ArrayList<>();

    @Test
    void tellsEachObserverOfEveryEventInOrder() {
        RequestObserver.Request request = RequestObservers.of(List.of(recording("first"), recording("second")))
            .requestStarted(new StubExchange("GET"));
        request.responseStarted(200);
        request.responseEnded();
        request.requestEnded(new RequestOutcome(200, 0, 2, null, false, false));
        assertThat(events).containsExactly("first started", "second started", "first response 200",
                "second response 200", "first response ended", "second response ended", "first ended 200",
                "second ended 200");
    }

    @Test
    void returnsTheOnlyObserverItself() {
        RequestObserver only = recording("only");
        assertThat(RequestObservers.of(List.of(only))).isSameAs(only);
    }

    @Test
    void observesNothingWithoutObservers() {
        assertThat(RequestObservers.of(List.of())).isSameAs(RequestObserver.NONE);
    }

    private RequestObserver recording(String name) {
        return exchange -> {
            events.add(name + " started");
            return new RequestObserver.Request() {

                @Override
                public void responseStarted(int status) {
                    events.add(name + " response " + status);
                }

                @Override
                public void responseEnded() {
                    events.add(name + " response ended");
                }

                @Override
                public void requestEnded(RequestOutcome outcome) {
                    events.add(name + " ended " + outcome.status());
                }
            };
        };
    }
}
