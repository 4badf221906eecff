package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import ch.qos.logback.classic.Level;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Write;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Check what {@link Gateway} does when the application or the client fails: a plain 500 while nothing
 * was sent, an aborted connection afterwards, and {@code close()} exactly once whatever happened
 * (docs/SPEC.md §1, §7).
 */
class GatewayErrorHandlingTests {

    private static final String SECRET = "password=hunter2";

    @RegisterExtension
    final GatewayHarness harness = new GatewayHarness();

    @Test
    void answersAPlainShort500WhenTheApplicationFailsBeforeSendingAnything() {
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of(new Header("X-Would-Have", "been sent")));
            throw new IllegalStateException("cannot connect with " + SECRET);
        });
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(exchange.header("Content-Type")).startsWith("text/plain");
        assertThat(exchange.header("X-Would-Have")).isNull();
        assertThat(exchange.header("Content-Length")).isEqualTo(Integer.toString(exchange.bodyBytes().length));
        assertThat(exchange.bodyText()).hasSizeLessThan(64).contains("500")
                .doesNotContain(SECRET, "IllegalStateException", "Exception", "\tat ");
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void tellsTheBindingWhatTheApplicationThrew() {
        IllegalStateException failure = new IllegalStateException("boom");
        FakeExchange exchange = harness.serve((environ, start) -> {
            throw failure;
        });
        assertThat(exchange.applicationFailure()).isSameAs(failure);
    }

    @Test
    void tellsTheBindingNothingWhenTheApplicationSucceeds() {
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of());
            return List.of();
        });
        assertThat(exchange.applicationFailure()).isNull();
    }

    @Test
    void logsTheFailureBeforeTheResponseWithItsStackTrace() {
        IllegalStateException failure = new IllegalStateException("boom");
        harness.serve((environ, start) -> {
            throw failure;
        });
        assertThat(harness.log().events(Level.ERROR)).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).contains(GatewayHarness.APPLICATION_NAME, "500");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("boom");
            assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        });
    }

    @Test
    void sendsA500WithoutABodyToAHeadRequest() {
        FakeExchange exchange = harness.serve(new FakeExchange().method("HEAD"), (environ, start) -> {
            throw new IllegalStateException("boom");
        });
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(exchange.bodyBytes()).isEmpty();
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void leavesAFailureBeforeTheResponseToABindingThatAnswersFailuresItself() {
        IllegalStateException failure = new IllegalStateException("boom");
        TrackingBody body = TrackingBody.of("never sent").failingAt(0, failure);
        FakeExchange exchange = harness.serve(new FakeExchange().answersFailures(), (environ, start) -> {
            start.start("200 OK", List.of(new Header("X-Would-Have", "been sent")));
            return body;
        });
        assertThat(exchange.answeredFailure()).isSameAs(failure);
        assertThat(exchange.applicationFailure()).isSameAs(failure);
        assertThat(exchange.sendHeadersCalls()).isZero();
        assertThat(exchange.completed()).isFalse();
        assertThat(exchange.aborted()).isFalse();
        assertThat(body.closeCount()).isOne();
        assertThat(harness.log().events(Level.ERROR)).singleElement()
                .satisfies(event -> assertThat(event.getThrowableProxy().getMessage()).isEqualTo("boom"));
    }

    @Test
    void abortsAFailureAfterTheHeadersEvenWhereTheBindingAnswersFailures() {
        IllegalStateException failure = new IllegalStateException("lost the database halfway");
        FakeExchange exchange = harness.serve(new FakeExchange().answersFailures(), (environ, start) -> {
            start.start("200 OK", List.of());
            return TrackingBody.of("first part, ").failingAt(1, failure);
        });
        assertThat(exchange.answeredFailure()).isNull();
        assertThat(exchange.bodyText()).isEqualTo("first part, ");
        assertThat(exchange.aborted()).isTrue();
    }

    @Test
    void refusesAWriteCallableKeptPastAFailureTheBindingAnswered() {
        List<Throwable> refused = new ArrayList<>();
        FakeExchange exchange = harness.serve(new FakeExchange().answersFailures(), (environ, start) -> {
            Write write = start.start("200 OK", List.of());
            return TrackingBody.of("x").failingAt(0, new IllegalStateException("boom")).onClose(() -> {
                try {
                    write.write("late".getBytes(StandardCharsets.US_ASCII));
                }
                catch (IOException | RuntimeException ex) {
                    refused.add(ex);
                }
            });
        });
        assertThat(exchange.bodyBytes()).isEmpty();
        assertThat(refused).singleElement().asString().contains("after the response had ended");
    }

    @Test
    void abortsTheConnectionWhenTheApplicationFailsAfterHeadersWereSent() {
        IllegalStateException failure = new IllegalStateException("lost the database halfway");
        TrackingBody body = TrackingBody.of("first part, ").failingAt(1, failure);
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of());
            return body;
        });
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.bodyText()).isEqualTo("first part, ");
        assertThat(exchange.aborted()).isTrue();
        assertThat(exchange.abortReason()).isSameAs(failure);
        assertThat(exchange.completed()).isFalse();
        assertThat(harness.log().events(Level.ERROR)).singleElement()
                .satisfies(event -> assertThat(event.getThrowableProxy().getMessage()).isEqualTo(failure.getMessage()));
    }

    @Test
    void answers500WhenTheApplicationReturnsNull() {
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of());
            return null;
        });
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(harness.log().events(Level.ERROR)).singleElement()
                .satisfies(event -> assertThat(event.getThrowableProxy().getMessage()).contains("returned null"));
    }

    @Test
    void answers500WhenTheFirstChunkIsNull() {
        TrackingBody body = TrackingBody.of((String) null);
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of());
            return body;
        });
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(body.closeCount()).isOne();
        assertThat(harness.log().events(Level.ERROR)).singleElement()
                .satisfies(event -> assertThat(event.getThrowableProxy().getMessage()).contains("yielded null"));
    }

    @Test
    void abortsWhenANullChunkFollowsSentBytes() {
        TrackingBody body = TrackingBody.of("sent", null, "never");
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of());
            return body;
        });
        assertThat(exchange.bodyText()).isEqualTo("sent");
        assertThat(exchange.aborted()).isTrue();
        assertThat(exchange.completed()).isFalse();
        assertThat(body.chunksTaken()).isEqualTo(2);
        assertThat(body.closeCount()).isOne();
    }

    @Test
    void closesTheBodyOnceAfterSuccess() {
        TrackingBody body = TrackingBody.of("a", "b");
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of());
            return body;
        });
        assertThat(exchange.completed()).isTrue();
        assertThat(body.closeCount()).isOne();
    }

    @Test
    void closesTheBodyOnceWhenItFailsMidIteration() {
        TrackingBody body = TrackingBody.of("a").failingAt(1, new IllegalStateException("mid-way"));
        harness.serve((environ, start) -> {
            start.start("200 OK", List.of());
            return body;
        });
        assertThat(body.closeCount()).isOne();
    }

    @Test
    void closesTheBodyOnceWhenItsLazyStartResponseFails() {
        TrackingBody body = TrackingBody.of("a").onFirstIteration(() -> {
            throw new IllegalStateException("template not found");
        });
        FakeExchange exchange = harness.serve((environ, start) -> body);
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(body.closeCount()).isOne();
    }

    @Test
    void answers500WhenTheCallFailsBeforeReturningABodyToClose() {
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of());
            throw new IllegalStateException("failed while building the body");
        });
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(exchange.completed()).isTrue();
        assertThat(harness.log().events(Level.ERROR)).as("the failure, and no complaint about closing a missing body")
                .singleElement().satisfies(event -> assertThat(event.getThrowableProxy().getMessage())
                        .isEqualTo("failed while building the body"));
    }

    @Test
    void closesTheBodyOnceWhenTheClientGoesAway() {
        TrackingBody body = TrackingBody.of("abc", "def", "ghi");
        FakeExchange exchange = harness.serve(new FakeExchange().failWritesAfter(4), (environ, start) -> {
            start.start("200 OK", List.of());
            return body;
        });
        assertThat(exchange.bodyText()).isEqualTo("abcd");
        assertThat(exchange.aborted()).isTrue();
        assertThat(exchange.abortReason()).isInstanceOf(IOException.class);
        assertThat(exchange.completed()).isFalse();
        assertThat(body.chunksTaken()).as("no chunk is asked for after the client went away").isEqualTo(2);
        assertThat(body.closeCount()).isOne();
    }

    @Test
    void logsAClientThatWentAwayWithoutAnError() {
        harness.serve(new FakeExchange().failWritesAfter(0), (environ, start) -> {
            start.start("200 OK", List.of());
            return List.of(bytes("abc"), bytes("def"));
        });
        assertThat(harness.log().events(Level.ERROR)).isEmpty();
        assertThat(harness.log().events(Level.DEBUG)).singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage()).contains("went away"));
    }

    @Test
    void abortsWhenTheClientGoesAwayDuringAWriteCall() {
        List<Throwable> seenByApplication = new ArrayList<>();
        FakeExchange exchange = harness.serve(new FakeExchange().failWritesAfter(2), (environ, start) -> {
            try {
                start.start("200 OK", List.of()).write(bytes("abc"));
            }
            catch (IOException ex) {
                seenByApplication.add(ex);
                throw ex;
            }
            return List.of();
        });
        assertThat(seenByApplication).singleElement().isInstanceOf(IOException.class);
        assertThat(exchange.aborted()).isTrue();
        assertThat(exchange.completed()).isFalse();
        assertThat(harness.log().events(Level.ERROR)).isEmpty();
    }

    @Test
    void logsButDoesNotPropagateAFailingClose() {
        TrackingBody body = TrackingBody.of("done").failingOnClose(new IOException("close failed"));
        FakeExchange exchange = new FakeExchange();
        assertThatNoException().isThrownBy(() -> harness.serve(exchange, (environ, start) -> {
            start.start("200 OK", List.of());
            return body;
        }));
        assertThat(exchange.completed()).isTrue();
        assertThat(exchange.aborted()).isFalse();
        assertThat(body.closeCount()).isOne();
        assertThat(harness.log().events(Level.ERROR)).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).contains(GatewayHarness.APPLICATION_NAME, "close");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("close failed");
        });
    }

    @Test
    void closesTheBodyOnceWhenCloseFailsAfterAnError() {
        TrackingBody body = TrackingBody.of("a").failingAt(1, new IllegalStateException("mid-way"))
                .failingOnClose(new IllegalStateException("close failed too"));
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of());
            return body;
        });
        assertThat(exchange.aborted()).isTrue();
        assertThat(body.closeCount()).isOne();
        assertThat(harness.log().events(Level.ERROR)).hasSize(2);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
