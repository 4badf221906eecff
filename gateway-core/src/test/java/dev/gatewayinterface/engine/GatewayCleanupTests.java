package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Write;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Check that nothing skips the end of a request: the body's {@code close()}, the flush of {@code wsgi.errors},
 * the request-end hooks and the observer all run whatever any of them throws, and a {@code write} callable kept
 * past the end sends nothing (docs/SPEC.md §1.3, §5.5, §7).
 */
class GatewayCleanupTests {

    private final List<String> steps = new ArrayList<>();

    private final LogCapture errorsLog = LogCapture.of("dev.gatewayinterface.errors");

    private final LogCapture gatewayLog = LogCapture.of(Gateway.class);

    @Test
    void endsTheRequestWhenTheBodysCloseThrowsAnError() {
        FakeExchange exchange = serve(bodyClosingWith(new AssertionError("close broke")));
        assertThat(steps).containsExactly("hook", "observer ended");
        assertThat(errorsLog.events()).anySatisfy(event -> assertThat(event.getFormattedMessage()).contains("unfinished line"));
        assertThat(exchange.completed()).isTrue();
        assertThat(gatewayLog.events()).anySatisfy(event -> assertThat(event.getFormattedMessage())
            .contains("failed to close its body"));
    }

    @Test
    void rethrowsAVirtualMachineErrorFromCloseOnlyAfterEveryStep() {
        assertThatExceptionOfType(OutOfMemoryError.class)
            .isThrownBy(() -> serve(bodyClosingWith(new OutOfMemoryError("close ran out"))))
            .withMessage("close ran out");
        assertThat(steps).containsExactly("hook", "observer ended");
        assertThat(errorsLog.events()).isNotEmpty();
    }

    @Test
    void runsTheOtherRequestEndHooksWhenOneThrowsAnError() {
        serve((environ, start) -> {
            RequestEnd end = (RequestEnd) environ.get(RequestEnd.ENVIRON_KEY);
            end.onEnd(() -> {
                throw new AssertionError("first hook broke");
            });
            start.start("200 OK", List.of());
            return List.of();
        });
        assertThat(steps).containsExactly("hook", "observer ended");
    }

    @Test
    void answersAnErrorOfTheApplicationThatIsNoVirtualMachineErrorWithA500() {
        FakeExchange exchange = serve((environ, start) -> {
            throw new NoClassDefFoundError("com/example/Missing");
        });
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(steps).containsExactly("hook", "observer ended");
    }

    @Test
    void refusesAWriteKeptPastTheEndOfTheResponse() {
        AtomicReference<Write> kept = new AtomicReference<>();
        FakeExchange exchange = serve((environ, start) -> {
            kept.set(start.start("200 OK", List.of(new Header("Content-Length", "2"))));
            return List.of("ok".getBytes(StandardCharsets.US_ASCII));
        });
        assertThatIllegalStateException().isThrownBy(() -> kept.get().write(bytes("late")))
            .withMessageContaining("after the response had ended").withMessageContaining("SPEC §5.5");
        assertThat(exchange.bodyText()).isEqualTo("ok");
    }

    @Test
    void sendsNothingBeyondThe500WhenAKeptWriteComesAfterIt() {
        AtomicReference<Write> kept = new AtomicReference<>();
        FakeExchange exchange = serve((environ, start) -> {
            kept.set(start.start("200 OK", List.of()));
            throw new IllegalStateException("failed before any byte");
        });
        assertThatIllegalStateException().isThrownBy(() -> kept.get().write(bytes("thirty bytes of a late writer")));
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(exchange.bodyBytes()).hasSize(Integer.parseInt(exchange.header("Content-Length")));
    }

    /** Serve with a request-end hook, an observer and a partial wsgi.errors line, all recording that they ran. */
    private FakeExchange serve(Application application) {
        RequestObserver observer = started -> new RequestObserver.Request() {

            @Override
            public void requestEnded(RequestOutcome outcome) {
                steps.add("observer ended");
            }
        };
        FakeExchange exchange = new FakeExchange();
        Gateway gateway = new Gateway((environ, start) -> {
            ((RequestEnd) environ.get(RequestEnd.ENVIRON_KEY)).onEnd(() -> steps.add("hook"));
            ((Errors) environ.get(Environ.WSGI_ERRORS)).write("an unfinished line");
            return application.call(environ, start);
        }, GatewayOptions.defaults("cleanup").withObserver(observer));
        try {
            gateway.handle(exchange);
        }
        finally {
            errorsLog.close();
            gatewayLog.close();
        }
        return exchange;
    }

    private static Application bodyClosingWith(Throwable failure) {
        return (environ, start) -> {
            start.start("200 OK", List.of());
            return new ClosingBody(failure);
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A body of one chunk whose close throws. */
    private record ClosingBody(Throwable failure) implements Iterable<byte[]>, AutoCloseable {

        @Override
        public Iterator<byte[]> iterator() {
            return List.of(bytes("body")).iterator();
        }

        @Override
        public void close() throws Exception {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        }
    }
}
