package dev.gatewayinterface.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.engine.Gateway;
import dev.gatewayinterface.middleware.ContractRule;
import dev.gatewayinterface.middleware.ContractViolationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Check that {@link TestClient} calls applications in-process as a server would, and reports what a client
 * would see.
 */
class TestClientTests {

    private final AtomicReference<Map<String, Object>> seen = new AtomicReference<>();

    private final Application echo = (environ, start) -> {
        seen.set(new HashMap<>(environ));
        byte[] body = ((Input) environ.get(Environ.WSGI_INPUT)).read();
        start.start("201 Created", List.of(new Header("Content-Type", "text/plain"), new Header("X-Seen", "yes")));
        return List.of(("got " + new String(body, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
    };

    @Test
    void returnsStatusHeadersAndBody() {
        TestResponse response = TestClient.of(echo).post("/orders", "text/plain", "abc".getBytes());
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.statusLine()).isEqualTo("201 Created");
        assertThat(response.header("x-seen")).isEqualTo("yes");
        assertThat(response.header("Content-Length")).isEqualTo("7");
        assertThat(response.text()).isEqualTo("got abc");
        assertThat(response.complete()).isTrue();
        assertThat(response.error()).isNull();
    }

    @Test
    void buildsTheEnvironFromTheRequest() {
        TestClient.of(echo).request("PUT", "/caf%C3%A9?x=%20").header("X-Many", "a").header("X-Many", "b")
            .body("hi").send();
        assertThat(seen.get()).containsEntry(Environ.REQUEST_METHOD, "PUT")
            .containsEntry(Environ.SCRIPT_NAME, "")
            .containsEntry(Environ.PATH_INFO, "/caf\u00c3\u00a9")
            .containsEntry(Environ.QUERY_STRING, "x=%20")
            .containsEntry(Environ.CONTENT_LENGTH, "2")
            .containsEntry("HTTP_X_MANY", "a,b");
    }

    @Test
    void mountsTheApplicationAtAPath() {
        TestClient.of(echo).mountedAt("/shop").get("/shop/cart");
        assertThat(seen.get()).containsEntry(Environ.SCRIPT_NAME, "/shop").containsEntry(Environ.PATH_INFO, "/cart");
    }

    @Test
    void refusesATargetOutsideTheMount() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestClient.of(echo).mountedAt("/shop").get("/shopping"))
            .withMessageContaining("'/shopping' is not below the client's mount '/shop'");
    }

    @Test
    void refusesAMountPathWithATrailingSlash() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestClient.of(echo).mountedAt("/shop/"))
            .withMessageContaining("'/shop/'");
    }

    @Test
    void rethrowsTheApplicationsExceptionByDefault() {
        IllegalStateException failure = new IllegalStateException("broken");
        assertThatIllegalStateException().isThrownBy(() -> TestClient.of((environ, start) -> {
            throw failure;
        }).get("/")).isSameAs(failure);
    }

    @Test
    void logsNoErrorForTheExceptionItRethrowsButStillLogsTheOneItAnswers() {
        Logger gatewayLogger = (Logger) LoggerFactory.getLogger(Gateway.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        gatewayLogger.addAppender(appender);
        try {
            Application failing = (environ, start) -> {
                throw new IllegalStateException("expected by the test");
            };
            assertThatIllegalStateException().isThrownBy(() -> TestClient.of(failing).get("/"));
            assertThat(appender.list).noneMatch(event -> event.getLevel() == Level.ERROR);
            TestClient.of(failing).catchingErrors().get("/");
            assertThat(appender.list).anyMatch(event -> event.getLevel() == Level.ERROR);
        }
        finally {
            gatewayLogger.detachAppender(appender);
        }
    }

    @Test
    void wrapsACheckedExceptionOfTheApplication() {
        assertThatIllegalStateException().isThrownBy(() -> TestClient.of((environ, start) -> {
            throw new IOException("disk full");
        }).get("/")).withMessageContaining("disk full").withCauseInstanceOf(IOException.class);
    }

    @Test
    void answersA500WithTheErrorWhenCatchingErrors() {
        TestResponse response = TestClient.of((environ, start) -> {
            throw new IllegalStateException("broken");
        }).catchingErrors().get("/");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text()).isEqualTo("500 Internal Server Error\n");
        assertThat(response.error()).hasMessage("broken");
    }

    @Test
    void reportsAnAbortedResponseAsIncomplete() {
        TestResponse response = TestClient.of((environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain"), new Header("Content-Length", "10")));
            return List.of("short".getBytes());
        }).withoutValidation().get("/");
        assertThat(response.complete()).isFalse();
        assertThat(response.text()).isEqualTo("short");
    }

    @Test
    void throwsAContractViolationOfTheApplication() {
        assertThatExceptionOfType(ContractViolationException.class).isThrownBy(() -> TestClient.of((environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain"), new Header("Content-Length", "10")));
            return List.of("short".getBytes());
        }).get("/")).satisfies(violation -> assertThat(violation.rule()).isEqualTo(ContractRule.CONTENT_LENGTH_SHORT));
    }

    @Test
    void answersHeadForAnApplicationThatReturnsItsBodyAndRefusesItWhenStrict() {
        TestResponse head = TestClient.of(echo).head("/");
        assertThat(head.status()).isEqualTo(201);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Length")).isEqualTo("4");
        assertThatExceptionOfType(ContractViolationException.class)
            .isThrownBy(() -> TestClient.of(echo).strictValidation().head("/"))
            .satisfies(violation -> assertThat(violation.rule()).isEqualTo(ContractRule.HEAD_BODY));
    }

    @Test
    void throwsAViolationEvenWhenCatchingErrors() {
        assertThatExceptionOfType(ContractViolationException.class).isThrownBy(() -> TestClient.of((environ, start) -> {
            start.start("200 OK", List.of());
            return List.of();
        }).catchingErrors().get("/")).withMessageContaining("Content-Type");
    }

    @Test
    void sendsAChunkedUploadWithoutContentLength() {
        TestResponse response = TestClient.of(echo).request("POST", "/").body("streamed").chunked().send();
        assertThat(response.text()).isEqualTo("got streamed");
        assertThat(seen.get()).doesNotContainKey(Environ.CONTENT_LENGTH);
    }

    @Test
    void keepsBytesThatFollowTheBodyFromTheApplication() {
        TestResponse response = TestClient.of(echo).request("POST", "/").body("mine")
            .followedBy("GET / HTTP/1.1\r\n\r\n".getBytes()).send();
        assertThat(response.text()).isEqualTo("got mine");
    }

    @Test
    void setsTheSchemeForHttps() {
        TestClient.of(echo).request("GET", "/").https().send();
        assertThat(seen.get()).containsEntry(Environ.WSGI_URL_SCHEME, "https").containsEntry(Environ.HTTPS, "on")
            .containsEntry(Environ.SERVER_PORT, "443");
    }

    @Test
    void callsTheApplicationWithAnEnvironOfYourOwn() {
        Map<String, Object> environ = TestEnviron.builder().method("POST").path("/caf\u00c3\u00a9").query("a=1")
            .put("custom.key", "value").body("payload").build();
        TestResponse response = TestClient.of(echo).call(environ);
        assertThat(response.text()).isEqualTo("got payload");
        assertThat(seen.get()).containsEntry(Environ.PATH_INFO, "/caf\u00c3\u00a9")
            .containsEntry(Environ.QUERY_STRING, "a=1")
            .containsEntry("custom.key", "value");
    }

    @Test
    void completesAPartialEnvironBeforeCalling() {
        TestClient.of(echo).call(Map.of(Environ.PATH_INFO, "/only-a-path"));
        assertThat(seen.get()).containsEntry(Environ.REQUEST_METHOD, "GET")
            .containsEntry(Environ.PATH_INFO, "/only-a-path")
            .containsKeys(Environ.WSGI_INPUT, Environ.WSGI_ERRORS, Environ.SERVER_NAME);
    }
}
