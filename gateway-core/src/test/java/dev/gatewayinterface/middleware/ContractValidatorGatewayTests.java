package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.TestApps.bytes;
import static dev.gatewayinterface.middleware.TestApps.ok;
import static dev.gatewayinterface.middleware.TestApps.respondingWith;
import static dev.gatewayinterface.middleware.TestApps.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.engine.FakeExchange;
import dev.gatewayinterface.engine.GatewayHarness;
import dev.gatewayinterface.engine.TrackingBody;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check that {@link ContractValidator} finds nothing wrong with the engine, nor with well-behaved
 * applications served through it, and that the engine answers an application's violation as it answers
 * any application error (docs/SPEC.md §7).
 */
class ContractValidatorGatewayTests {

    @RegisterExtension
    final GatewayHarness harness = new GatewayHarness();

    private final List<ContractViolationException> violations = new ArrayList<>();

    @Test
    void servesAnApplicationThatCallsStartResponseLazily() {
        FakeExchange exchange = serveCleanly((environ, start) ->
                TrackingBody.of("", "lazy").onFirstIteration(() -> start.start("200 OK", text())));
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.bodyText()).isEqualTo("lazy");
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void servesWriteThenTheReturnedBody() {
        FakeExchange exchange = serveCleanly((environ, start) -> {
            start.start("200 OK", text(new Header("Content-Length", "8"))).write(bytes("written,"));
            return List.of();
        });
        assertThat(exchange.bodyText()).isEqualTo("written,");
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void servesAnErrorHandlerThatReplacesTheStatusBeforeTheHeadersWereSent() {
        FakeExchange exchange = serveCleanly((environ, start) -> {
            start.start("200 OK", text());
            start.start("500 Internal Server Error", text(), new IllegalStateException("failed late"));
            return List.of(bytes("sorry"));
        });
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(exchange.bodyText()).isEqualTo("sorry");
    }

    @Test
    void sendsAFileWrapperBodyFromItsFileThroughTheValidator(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("hello.txt"), "hello, file");
        FakeExchange exchange = serveCleanly(new FakeExchange().transferSupported(true), (environ, start) -> {
            start.start("200 OK", text());
            return ((FileWrapper) environ.get(Environ.WSGI_FILE_WRAPPER)).wrap(new FileInputStream(file.toFile()), 4);
        });
        assertThat(exchange.bodyText()).isEqualTo("hello, file");
        assertThat(exchange.transferCalls()).as("the validator's body passes the file on (SPEC §1.4)").isEqualTo(1);
    }

    @Test
    void servesAHeadRequestWithoutABody() {
        FakeExchange exchange = serveCleanly(new FakeExchange().method("HEAD"),
                respondingWith("200 OK", text(new Header("Content-Length", "5"))));
        assertThat(exchange.header("Content-Length")).isEqualTo("5");
        assertThat(exchange.bodyBytes()).isEmpty();
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void servesA204WithoutContentType() {
        FakeExchange exchange = serveCleanly(respondingWith("204 No Content", List.of()));
        assertThat(exchange.status()).isEqualTo(204);
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void servesARequestBodyReadThroughTheChecks() {
        FakeExchange exchange = serveCleanly(new FakeExchange().method("POST").body("line 1\nline 2\n"),
                (environ, start) -> {
                    Input input = (Input) environ.get(Environ.WSGI_INPUT);
                    byte[] first = input.readLine();
                    byte[] rest = input.asStream().readAllBytes();
                    start.start("200 OK", text());
                    return List.of(rest, first);
                });
        assertThat(exchange.bodyText()).isEqualTo("line 2\nline 1\n");
    }

    @Test
    void keepsTheEnginesContentLengthForASingleChunkList() {
        FakeExchange exchange = serveCleanly(ok());
        assertThat(exchange.header("Content-Length")).isEqualTo("2");
    }

    @Test
    void letsTheEngineAnswer500ToAnApplicationsViolation() {
        FakeExchange exchange = harness.serve(validated((environ, start) -> {
            start.start("200 OK", List.of(new Header("X Bad", "1")));
            return List.of();
        }));
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(exchange.applicationFailure()).isInstanceOf(ContractViolationException.class)
            .isSameAs(violations.get(0));
        assertThat(violations).extracting(ContractViolationException::rule).containsExactly(ContractRule.HEADER_NAME);
    }

    @Test
    void letsTheEngineAbortABodyShortOfItsContentLength() {
        FakeExchange exchange = harness.serve(validated(respondingWith("200 OK", text(new Header("Content-Length",
                "10")), "short")));
        assertThat(exchange.aborted()).isTrue();
        assertThat(violations).extracting(ContractViolationException::rule)
            .containsExactly(ContractRule.CONTENT_LENGTH_SHORT);
    }

    private FakeExchange serveCleanly(Application application) {
        return serveCleanly(new FakeExchange(), application);
    }

    /** Serve through the validator and the real engine, and check that neither side broke a rule. */
    private FakeExchange serveCleanly(FakeExchange exchange, Application application) {
        harness.serve(exchange, validated(application));
        assertThat(violations).as("contract violations").isEmpty();
        assertThat(exchange.applicationFailure()).isNull();
        return exchange;
    }

    private Application validated(Application application) {
        return new ContractValidator(application, violations::add);
    }
}
