package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.gatewayinterface.Header;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Check that request-end hooks run once, in order, after the body was closed, whatever happened.
 */
class RequestEndTests {

    @RegisterExtension
    final GatewayHarness harness = new GatewayHarness();

    @Test
    void runsHooksInOrderOnceTheRequestEnded() {
        List<String> events = new ArrayList<>();
        RequestEnd end = new RequestEnd();
        end.onEnd(() -> events.add("first"));
        end.onEnd(() -> events.add("second"));
        end.end();
        end.end();
        assertThat(events).containsExactly("first", "second");
    }

    @Test
    void refusesAHookAfterTheEnd() {
        RequestEnd end = new RequestEnd();
        end.end();
        assertThatIllegalStateException().isThrownBy(() -> end.onEnd(() -> { }))
            .withMessage("the request has already ended");
    }

    @Test
    void runsLaterHooksWhenOneFails() {
        List<String> events = new ArrayList<>();
        RequestEnd end = new RequestEnd();
        end.onEnd(() -> {
            throw new IllegalStateException("hook failed");
        });
        end.onEnd(() -> events.add("ran"));
        end.end();
        assertThat(events).containsExactly("ran");
    }

    @Test
    void endsEveryServedRequestAfterItsBodyWasClosed() {
        List<String> events = new ArrayList<>();
        harness.serve((environ, start) -> {
            ((RequestEnd) environ.get(RequestEnd.ENVIRON_KEY)).onEnd(() -> events.add("end"));
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return TrackingBody.of("x").onClose(() -> events.add("close"));
        });
        assertThat(events).containsExactly("close", "end");
    }

    @Test
    void endsARequestWhoseApplicationFailed() {
        List<String> events = new ArrayList<>();
        harness.serve((environ, start) -> {
            ((RequestEnd) environ.get(RequestEnd.ENVIRON_KEY)).onEnd(() -> events.add("end"));
            throw new IllegalStateException("failed");
        });
        assertThat(events).containsExactly("end");
    }
}
