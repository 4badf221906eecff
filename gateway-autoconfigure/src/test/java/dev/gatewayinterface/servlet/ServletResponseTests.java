package dev.gatewayinterface.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatewayinterface.testsupport.Probes;
import dev.gatewayinterface.testsupport.RawHttp;
import java.io.EOFException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Check over real HTTP how Tomcat sends what applications produce: streaming, HEAD, truncation and
 * failures, and that every body is closed.
 */
@ServletGatewayTest
class ServletResponseTests {

    @LocalServerPort
    int port;

    @Autowired
    Probes probes;

    @BeforeEach
    void resetProbes() {
        probes.reset();
    }

    @Test
    void sendsEachChunkBeforeTheApplicationProducesTheNext() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /stream HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.isChunked()).isTrue();
            // The application is still blocked before its second chunk: the first must already be here.
            assertThat(http.readChunk()).asString().isEqualTo("chunk 0\n");
            probes.open();
            assertThat(http.readChunk()).asString().isEqualTo("chunk 1\n");
            assertThat(http.readChunk()).isNull();
        }
        assertThat(probes.awaitClosed()).isTrue();
        assertThat(probes.closes).hasValue(1);
    }

    @Test
    void setsContentLengthForASingleChunkBody() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /fixed HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.header("content-length")).isEqualTo("6");
            assertThat(http.readBody(head)).asString().isEqualTo("hello\n");
        }
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
    void answersAnApplicationErrorWithAPlain500ThatLeaksNothing(CapturedOutput output) throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /fail HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(500);
            assertThat(http.readBody(head)).asString().isEqualTo("500 Internal Server Error\n");
        }
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
        assertThat(probes.awaitClosed()).isTrue();
        assertThat(probes.closes).hasValue(1);
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
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /endless HTTP/1.1\r\nHost: localhost\r\n\r\n");
            http.readHead();
            assertThat(http.readChunk()).isNotEmpty();
        }
        assertThat(probes.awaitClosed()).isTrue();
        assertThat(probes.closes).hasValue(1);
    }

    private int statusOf(String target) throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            http.readBody(head);
            return head.status();
        }
    }
}
