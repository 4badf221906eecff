package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Test the applications {@link TestApplications} declares on a running server, through their {@link Probes}. The
 * probes are reset before each test, so that what one test's requests recorded never answers for another's: the
 * test classes of a stack share one application context, and so one set of probes.
 */
public abstract class ProbedServerTests extends ServerTests {

    @Autowired
    protected Probes probes;

    @BeforeEach
    void resetProbes() {
        probes.reset();
    }

    /**
     * GET {@code /stream} on the connection and read it to its end, checking that its first chunk arrives while the
     * application still waits at the gate before producing the second, and opening the gate only then.
     * @param http the connection
     * @throws IOException if the connection fails
     */
    protected void streamBothChunks(RawHttp http) throws IOException {
        http.send("GET /stream HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(http.readHead().isChunked()).isTrue();
        // The application is still blocked before its second chunk: the first must already be here.
        assertThat(http.readChunk()).asString().isEqualTo("chunk 0\n");
        probes.open();
        assertThat(http.readChunk()).asString().isEqualTo("chunk 1\n");
        assertThat(http.readChunk()).isNull();
    }

    /**
     * GET {@code /endless} and close the connection once its first chunk is in, as a client that goes away
     * mid-stream.
     * @throws IOException if the connection fails before that
     */
    protected void hangUpMidStream() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /endless HTTP/1.1\r\nHost: localhost\r\n\r\n");
            http.readHead();
            assertThat(http.readChunk()).isNotEmpty();
        }
    }

    /**
     * Wait until the server closed the application's body, and check that it did so exactly once.
     * @throws InterruptedException if interrupted while waiting
     */
    protected void assertBodyClosedOnce() throws InterruptedException {
        assertThat(probes.awaitClosed()).isTrue();
        assertThat(probes.closes).hasValue(1);
    }
}
