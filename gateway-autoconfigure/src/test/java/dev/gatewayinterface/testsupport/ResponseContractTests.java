package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * Check over real HTTP how the server sends what applications produce: streaming, HEAD, truncation and failures,
 * and that every body is closed. The rules are the gateway's, not the server's, so each stack runs these tests
 * through a subclass carrying its own Spring Boot test annotation (which also captures the output).
 */
public abstract class ResponseContractTests extends ProbedServerTests {

    @Test
    void sendsEachChunkBeforeTheApplicationProducesTheNext() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            streamBothChunks(http);
        }
        assertBodyClosedOnce();
    }

    @Test
    void setsContentLengthForASingleChunkBody() throws Exception {
        RawHttp.Response response = get("/fixed");
        assertThat(response.head().header("content-length")).isEqualTo("6");
        assertThat(response.head().isChunked()).isFalse();
        assertThat(response.text()).isEqualTo("hello\n");
    }

    @Test
    void sendsAFileThroughTheValidatorFromItsChannelWithoutReadingItThroughTheHeap() throws Exception {
        RawHttp.Response response = get("/file");
        assertThat(response.head().header("content-length")).isEqualTo("100000");
        assertThat(response.text()).hasSize(100_000).startsWith("0123456789012");
        // Iterating would have read every block through the stream before sending it.
        assertThat(probes.fileStreamReads).hasValue(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "101", "100", "103" })
    void answers500ToAnInterimStatusAndKeepsTheConnectionSpeakingHttp(String code) throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /interim?" + code + " HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\n"
                    + "Upgrade: websocket\r\n\r\n");
            RawHttp.Response refused = http.readResponse();
            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.text()).isEqualTo("500 Internal Server Error\n");
            // Nothing switched protocols: the connection answers HTTP, or is closed (Tomcat closes it after a 500).
            RawHttp.Response next;
            try {
                http.send("GET /fixed HTTP/1.1\r\nHost: localhost\r\n\r\n");
                next = http.readResponse();
            }
            catch (IOException closed) {
                return;
            }
            assertThat(next.text()).isEqualTo("hello\n");
        }
    }

    @Test
    void sendsTheApplicationsHeadersAsItSpelledThem() throws Exception {
        RawHttp.Response response = get("/spelled");
        assertThat(response.head().lines()).contains("Content-Type: text/html; charset=utf-8",
                "Content-Language: en-GB, de", "Cache-Control: max-age=60, public", "X-Spaced: a ;  b");
        assertThat(response.text()).isEqualTo("<p>ok</p>");
    }

    @Test
    void answersHeadWithTheHeadersOfGetAndNoBody() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("HEAD /fixed HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).isEqualTo("6");
            // No body bytes were sent: the next response on the connection starts right away.
            http.send("GET /fixed HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Head next = http.readHead();
            assertThat(next.statusLine()).startsWith("HTTP/1.1 200");
            assertThat(http.readBody(next)).asString().isEqualTo("hello\n");
        }
    }

    @Test
    void closesTheConnectionWhenTheBodyIsShorterThanItsContentLength() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /short HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.header("content-length")).isEqualTo("100");
            assertThatExceptionOfType(EOFException.class).isThrownBy(() -> http.readExactly(100))
                .withMessageContaining("after 10 of 100 bytes");
        }
        assertThat(probes.awaitClosed()).isTrue();
    }

    @Test
    void logsWhatAnApplicationWritesToWsgiErrorsWithoutLettingAClientForgeALogLine(CapturedOutput output)
            throws Exception {
        String said = "alice\r2026-12-06T00:00:00Z INFO forged\u0000x";
        RawHttp.Response response = exchange("POST /logging HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                + said.length() + "\r\n\r\n" + said);
        assertThat(response.text()).as(response.head().statusLine()).isEqualTo("logged");
        assertThat(output).contains("client said alice\\r2026-12-06T00:00:00Z INFO forged\\x00x");
        assertThat(output.toString().lines()).noneMatch(line -> line.startsWith("2026-12-06T00:00:00Z INFO forged"));
    }

    @Test
    void answersAnApplicationErrorWithAPlain500ThatLeaksNothing(CapturedOutput output) throws Exception {
        RawHttp.Response response = get("/fail");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text()).isEqualTo("500 Internal Server Error\n");
        assertThat(output).contains("Application 'failing' failed before the response started")
            .contains("secret detail that must not reach the client");
    }

    @Test
    void abortsTheConnectionWhenTheApplicationFailsAfterTheHeaders() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /fail-late HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(http.readChunk()).asString().isEqualTo("first chunk\n");
            // No terminating chunk: the client must not take the truncated body for a complete one.
            assertThatExceptionOfType(EOFException.class).isThrownBy(http::readChunk);
        }
        assertBodyClosedOnce();
    }

    @Test
    void refusesAHopByHopHeaderWithA500NamingIt(CapturedOutput output) throws Exception {
        assertThat(statusOf("/bad-header?hop")).isEqualTo(500);
        assertThat(output).contains("header \"Transfer-Encoding\" is hop-by-hop");
    }

    @Test
    void refusesAHeaderValueWithCrLfWithA500NamingIt(CapturedOutput output) throws Exception {
        assertThat(statusOf("/bad-header?crlf")).isEqualTo(500);
        assertThat(output).contains("header X-Injected value \"a\\r\\nSet-Cookie: evil=1\" contains CR, LF");
    }

    @Test
    void closesTheBodyWhenTheClientGoesAwayMidStream() throws Exception {
        hangUpMidStream();
        assertBodyClosedOnce();
    }
}
