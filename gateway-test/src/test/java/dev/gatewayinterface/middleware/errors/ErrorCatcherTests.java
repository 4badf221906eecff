package dev.gatewayinterface.middleware.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.middleware.ContractValidator;
import dev.gatewayinterface.middleware.ErrorsLog;
import dev.gatewayinterface.middleware.PlainText;
import dev.gatewayinterface.test.TestClient;
import dev.gatewayinterface.test.TestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Check that {@link ErrorCatcher} answers failures with a plain 500, logs their stack traces to
 * {@code wsgi.errors}, and leaves a response already under way to the server to cut off.
 */
class ErrorCatcherTests {

    private static final String SECRET = "password=hunter2";

    private final ErrorsLog errors = new ErrorsLog();

    @AfterEach
    void stopCapturing() {
        errors.close();
    }

    @Test
    void answersAnExceptionFromTheCallWithAPlain500() {
        TestResponse response = client(failing()).get("/orders/7");
        assertPlain500(response);
        assertThat(response.error()).isNull();
    }

    @Test
    void writesTheStackTraceToWsgiErrorsOneLogEntryPerLine() {
        client(failing()).get("/orders/7");
        assertThat(errors.lines()).first().asString().endsWith("Application failed on GET /orders/7:");
        assertThat(errors.lines()).anyMatch(line -> line.endsWith("java.io.IOException: " + SECRET));
        assertThat(errors.lines()).anyMatch(line -> line.contains("\tat dev.gatewayinterface.middleware.errors.ErrorCatcherTests"));
    }

    @Test
    void replacesTheApplicationsHeadersWhenItsBodyFailsBeforeAByte() {
        TestResponse response = client(new ContractValidator((environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/html"), new Header("X-Cart", "3 items")));
            return failingAfter(0);
        })).get("/");
        assertPlain500(response);
        assertThat(response.header("X-Cart")).isNull();
    }

    @Test
    void startsThePageWithoutExcInfoWhenTheApplicationNeverStartedItsResponse() {
        Application lazy = new ContractValidator((environ, start) -> failingAfter(0));
        assertPlain500(TestClient.of(new ErrorCatcher(lazy)).strictValidation().get("/"));
    }

    @Test
    void leavesAResponseWhoseHeadersWereSentToTheServerToCutOff() {
        TestResponse response = TestClient.of(new ErrorCatcher(new ContractValidator((environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return failingAfter(1);
        }))).catchingErrors().get("/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("chunk 0\n");
        assertThat(response.complete()).isFalse();
        assertThat(response.error()).isInstanceOf(IllegalStateException.class).hasMessage(SECRET);
    }

    @Test
    void answersAFailedHeadWithoutABody() {
        TestResponse response = TestClient.of(new ErrorCatcher(failing())).strictValidation().head("/");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void showsTheStackTraceToALoopbackClientInDebugMode() {
        TestResponse response = TestClient.of(ErrorCatcher.debug(failing())).get("/");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text()).startsWith("500 Internal Server Error\n\njava.io.IOException: " + SECRET + "\n\tat ");
    }

    @Test
    void hidesTheStackTraceFromAnyOtherClientInDebugMode() {
        TestResponse response = TestClient.of(ErrorCatcher.debug(failing())).request("GET", "/")
            .environ(Environ.REMOTE_ADDR, "203.0.113.9").send();
        assertPlain500(response);
    }

    @Test
    void letsAVirtualMachineErrorThrough() {
        Application broken = (environ, start) -> {
            throw new InternalError("the JVM is failing");
        };
        assertThatExceptionOfType(InternalError.class).isThrownBy(() -> client(broken).get("/"));
    }

    @Test
    void keepsTheFactsOfABodyThatDoesNotFail() {
        TestResponse response = client(new ContractValidator((environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("known length".getBytes(StandardCharsets.US_ASCII));
        })).get("/");
        assertThat(response.header("Content-Length")).isEqualTo("12");
        assertThat(new ErrorCatcher(failing()).next()).isNotNull();
    }

    private static TestClient client(Application application) {
        return TestClient.of(new ErrorCatcher(application));
    }

    private static void assertPlain500(TestResponse response) {
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("Content-Type")).isEqualTo(PlainText.CONTENT_TYPE);
        assertThat(response.text()).isEqualTo("500 Internal Server Error\n");
    }

    private static Application failing() {
        return new ContractValidator((environ, start) -> {
            throw new IOException(SECRET);
        });
    }

    /** Return a body that yields {@code good} chunks, then fails. */
    private static Iterable<byte[]> failingAfter(int good) {
        return () -> new Iterator<>() {

            private int index;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public byte[] next() {
                if (index == good) {
                    throw new IllegalStateException(SECRET);
                }
                return ("chunk " + index++ + "\n").getBytes(StandardCharsets.US_ASCII);
            }
        };
    }
}
