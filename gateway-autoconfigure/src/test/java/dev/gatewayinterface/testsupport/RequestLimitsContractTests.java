package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Check a mount's own body limit over real HTTP, the same on every stack (docs/SPEC.md §14): a declared body over it
 * is answered 413 before the application reads, and before any 100 Continue; a chunked one fails wsgi.input with an
 * exception naming the limit, the body of the application is still closed, and the client gets 413 and a closed
 * connection. Each stack runs these through a subclass carrying its own Spring Boot test annotation.
 */
public abstract class RequestLimitsContractTests extends ServerTests {

    private static final String LIMIT = "gateway.apps.%s.limits.max-request-body";

    @Autowired
    private UploadProbe upload;

    @BeforeEach
    void forgetThePreviousUpload() {
        upload.reset();
    }

    @Test
    void readsABodyUpToTheMountsLimit() throws Exception {
        RawHttp.Response response = exchange("POST /small HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1024\r\n\r\n"
                + "x".repeat(1024));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("x".repeat(1024));
    }

    @Test
    void answersADeclaredBodyOverTheMountsLimitBeforeTheApplicationReadsOrTheClientSendsIt() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2048\r\nExpect: 100-continue\r\n\r\n");
            RawHttp.Response response = http.readResponse();
            assertThat(response.status()).as("the first answer, before any 100 Continue").isEqualTo(413);
            assertThat(response.text()).contains(LIMIT.formatted("upload"));
            assertThat(http.serverClosed()).isTrue();
        }
        assertThat(upload.closes()).as("the application was not called").isZero();
    }

    @Test
    void answersAChunkedBodyThatGrowsPastTheMountsLimitWith413AndCloses() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /small HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n"
                    + "x".repeat(2048) + "\r\n0\r\n\r\n");
            RawHttp.Response response = http.readResponse();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.head().header("connection")).isEqualTo("close");
            assertThat(response.text()).contains(LIMIT.formatted("small"));
            assertThat(http.serverClosed()).isTrue();
        }
    }

    @Test
    void givesAnApplicationReadingPastTheLimitAnIOExceptionNamingItAndStillClosesItsBody() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /upload HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n"
                    + "x".repeat(2048) + "\r\n0\r\n\r\n");
            assertThat(http.readResponse().status()).isEqualTo(413);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> upload.closes() == 1);
        assertThat(upload.failure()).hasMessageContaining("longer than 1024 bytes")
            .hasMessageContaining(LIMIT.formatted("upload"));
    }
}
