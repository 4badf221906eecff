package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.gatewayinterface.Header;
import dev.gatewayinterface.Write;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check {@code start_response} and {@code write} as an application sees them: each rule of docs/SPEC.md
 * §5 is raised inside the application's own call, where it can be caught, with the offending value quoted.
 */
class ResponseTests {

    @RegisterExtension
    final GatewayHarness harness = new GatewayHarness();

    static Stream<Arguments> badStatuses() {
        return Stream.of(
                Arguments.of("200", "\"200\""),
                Arguments.of("200OK", "\"200OK\""),
                Arguments.of("20 OK", "\"20 OK\""),
                Arguments.of("2x0 OK", "\"2x0 OK\""),
                Arguments.of("OK 200", "\"OK 200\""),
                Arguments.of(" 200 OK", "\" 200 OK\""),
                Arguments.of("099 Too Low", "\"099 Too Low\""),
                Arguments.of("600 Too High", "\"600 Too High\""),
                Arguments.of("000 Zero", "\"000 Zero\""),
                Arguments.of("200 O\nK", "\"200 O\\nK\""),
                Arguments.of("200 O\r\nK", "\"200 O\\r\\nK\""),
                Arguments.of("200 O\u0000K", "\"200 O\\x00K\""),
                Arguments.of("200 O\u007fK", "\"200 O\\x7fK\""),
                Arguments.of("200 \u20ac", "\"200 \u20ac\""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badStatuses")
    void refusesABadStatusInsideTheApplicationsCall(String status, String quoted) {
        assertRefusedInsideTheCall(status, List.of(), quoted);
    }

    static Stream<Arguments> badHeaders() {
        return Stream.of(
                Arguments.of(new Header("Bad Name", "v"), "\"Bad Name\""),
                Arguments.of(new Header("X:Y", "v"), "\"X:Y\""),
                Arguments.of(new Header("", "v"), "\"\""),
                Arguments.of(new Header("(x)", "v"), "\"(x)\""),
                Arguments.of(new Header("X-Caf\u00e9", "v"), "\"X-Caf\u00e9\""),
                Arguments.of(new Header("X\r\nInjected", "v"), "\"X\\r\\nInjected\""),
                Arguments.of(new Header("X-Test", "a\r\nSet-Cookie: admin=1"), "\"a\\r\\nSet-Cookie: admin=1\""),
                Arguments.of(new Header("X-Test", "a\nb"), "\"a\\nb\""),
                Arguments.of(new Header("X-Test", "a\rb"), "\"a\\rb\""),
                Arguments.of(new Header("X-Test", "a\u0000b"), "\"a\\x00b\""),
                Arguments.of(new Header("X-Test", "a\u007fb"), "\"a\\x7fb\""),
                Arguments.of(new Header("X-Test", "\u20ac"), "\"\u20ac\""),
                Arguments.of(new Header("Content-Length", "abc"), "\"abc\""),
                Arguments.of(new Header("Content-Length", "-1"), "\"-1\""),
                Arguments.of(new Header("Content-Length", ""), "\"\""),
                Arguments.of(new Header("Content-Length", "1.5"), "\"1.5\""),
                Arguments.of(new Header("Content-Length", " 5"), "\" 5\""),
                Arguments.of(new Header("Content-Length", "+5"), "\"+5\""),
                Arguments.of(new Header("Content-Length", "1234567890123456789"), "\"1234567890123456789\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHeaders")
    void refusesABadHeaderInsideTheApplicationsCall(Header header, String quoted) {
        assertRefusedInsideTheCall("200 OK", List.of(new Header("X-Fine", "ok"), header), quoted);
    }

    static Stream<String> hopByHopNames() {
        return Stream.of("Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer",
                "Trailers", "Transfer-Encoding", "Upgrade", "connection", "TRANSFER-ENCODING", "keep-ALIVE", "te");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hopByHopNames")
    void refusesAHopByHopHeaderInsideTheApplicationsCall(String name) {
        assertRefusedInsideTheCall("200 OK", List.of(new Header(name, "close")), "\"" + name + "\"");
    }

    @Test
    void refusesTwoDifferentContentLengths() {
        assertRefusedInsideTheCall("200 OK",
                List.of(new Header("Content-Length", "5"), new Header("content-length", "6")), "Content-Length");
    }

    @Test
    void refusesANullStatusAndNullHeaders() {
        assertRefusedInsideTheCall(null, List.of(), "status");
        assertRefusedInsideTheCall("200 OK", null, "headers");
        assertRefusedInsideTheCall("200 OK", Arrays.asList(new Header("X-A", "a"), null), "null");
    }

    static Stream<Arguments> escapingViolations() {
        return Stream.of(
                Arguments.of("200OK", List.of()),
                Arguments.of("600 Too High", List.of()),
                Arguments.of("200 OK", List.of(new Header("Bad Name", "v"))),
                Arguments.of("200 OK", List.of(new Header("X-Test", "a\r\nb"))),
                Arguments.of("200 OK", List.of(new Header("Connection", "close"))),
                Arguments.of("200 OK", List.of(new Header("Content-Length", "abc"))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("escapingViolations")
    void answers500WhenTheApplicationLetsARuleViolationEscape(String status, List<Header> headers) {
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start(status, headers);
            return List.of(bytes("never sent"));
        });
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(exchange.bodyText()).doesNotContain("never sent");
        assertThat(harness.log().events()).singleElement()
                .satisfies(event -> assertThat(event.getThrowableProxy().getClassName())
                        .isEqualTo(IllegalArgumentException.class.getName()));
    }

    @Test
    void refusesASecondCallWithoutExcInfo() {
        List<Throwable> caught = new ArrayList<>();
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of(new Header("X-First", "1")));
            try {
                start.start("404 Not Found", List.of());
            }
            catch (IllegalStateException ex) {
                caught.add(ex);
            }
            return List.of(bytes("first"));
        });
        assertThat(caught).singleElement().isInstanceOf(IllegalStateException.class)
                .extracting(Throwable::getMessage).asString().contains("excInfo");
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.header("X-First")).isEqualTo("1");
    }

    @Test
    void replacesStatusAndHeadersWhenCalledWithExcInfoBeforeAnythingWasSent() {
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of(new Header("X-First", "1")));
            try {
                throw new IllegalStateException("rendering failed");
            }
            catch (IllegalStateException ex) {
                start.start("503 Try Later", List.of(new Header("X-Second", "2")), ex);
                return List.of(bytes("sorry"));
            }
        });
        assertThat(exchange.status()).isEqualTo(503);
        assertThat(exchange.reason()).isEqualTo("Try Later");
        assertThat(exchange.header("X-First")).isNull();
        assertThat(exchange.header("X-Second")).isEqualTo("2");
        assertThat(exchange.bodyText()).isEqualTo("sorry");
    }

    @Test
    void acceptsExcInfoOnTheFirstCall() {
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("500 Broken", List.of(), new IllegalStateException("before anything"));
            return List.of(bytes("custom error page"));
        });
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(exchange.bodyText()).isEqualTo("custom error page");
    }

    @Test
    void rethrowsTheSameCheckedExcInfoWhenHeadersWereAlreadySent() {
        IOException original = new IOException("template disappeared");
        List<Throwable> caught = new ArrayList<>();
        FakeExchange exchange = harness.serve((environ, start) -> {
            Write write = start.start("200 OK", List.of());
            write.write(bytes("partial"));
            try {
                start.start("500 Error", List.of(), original);
            }
            catch (Throwable rethrown) {
                caught.add(rethrown);
            }
            return List.of();
        });
        assertThat(caught).singleElement().isSameAs(original);
        assertThat(exchange.status()).isEqualTo(200);
    }

    @Test
    void abortsWithTheExcInfoWhenTheApplicationLetsItEscape() {
        IOException original = new IOException("template disappeared");
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of()).write(bytes("partial"));
            start.start("500 Error", List.of(), original);
            return List.of();
        });
        assertThat(exchange.aborted()).isTrue();
        assertThat(exchange.abortReason()).isSameAs(original);
        assertThat(exchange.completed()).isFalse();
    }

    @Test
    void refusesWriteBeforeStartResponse() {
        Response response = new Response(new FakeExchange(), GatewayHarness.APPLICATION_NAME, false,
                RequestObserver.Request.NONE, () -> false);
        assertThatIllegalStateException().isThrownBy(() -> response.write(bytes("early")))
                .withMessageContaining("before start_response");
    }

    @Test
    void answers500WhenTheBodyHasBytesBeforeStartResponse() {
        TrackingBody body = TrackingBody.of("too early");
        FakeExchange exchange = harness.serve((environ, start) -> body);
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(exchange.bodyText()).doesNotContain("too early");
        assertThat(body.closeCount()).isOne();
    }

    @Test
    void answers500WhenTheApplicationNeverCallsStartResponse() {
        FakeExchange exchange = harness.serve((environ, start) -> List.of());
        assertThat(exchange.status()).isEqualTo(500);
    }

    @Test
    void sendsTheHeadersAsTheyWereCheckedEvenIfTheApplicationChangesItsListLater() {
        FakeExchange exchange = harness.serve((environ, start) -> {
            List<Header> headers = new ArrayList<>(List.of(new Header("X-Checked", "yes")));
            start.start("200 OK", headers);
            headers.add(new Header("Transfer-Encoding", "chunked"));
            headers.add(new Header("Content-Length", "999"));
            return List.of(bytes("hello"));
        });
        assertThat(exchange.sentHeaders()).extracting(Header::name).containsExactly("X-Checked", "Content-Length");
        assertThat(exchange.header("Content-Length")).isEqualTo("5");
        assertThat(exchange.completed()).isTrue();
    }

    /** Serve an app that catches the rule violation, proving it was raised inside its own call. */
    private void assertRefusedInsideTheCall(String status, List<Header> headers, String quoted) {
        List<IllegalArgumentException> caught = new ArrayList<>();
        FakeExchange exchange = harness.serve((environ, start) -> {
            try {
                start.start(status, headers);
            }
            catch (IllegalArgumentException ex) {
                caught.add(ex);
                start.start("400 Recovered", List.of());
            }
            return List.of();
        });
        assertThat(caught).singleElement().extracting(Throwable::getMessage).asString()
                .contains(quoted).contains("SPEC §5");
        assertThat(exchange.status()).as("the application recovered, so a second start is allowed").isEqualTo(400);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
