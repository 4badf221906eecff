package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Check the request timeout over HTTP, with the {@code timed} application's one context and one-second timeout:
 * Python that runs past it is cancelled, the client gets a 504 or an ended response, and a new context serves the
 * next request. Each stack runs this suite.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class PythonTimeoutTests {

    @LocalServerPort
    int port;

    private Http http() {
        return new Http(port);
    }

    @Test
    void answers504AndReplacesTheContextWhenPythonRunsPastTheTimeout(CapturedOutput output) {
        Set<Thread> workers = workerThreads();
        HttpResponse<String> response = http().get("/timed/loop");
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).isEqualTo("504 Gateway Timeout: the Python application took too long\n");
        assertThat(output).contains("Python application 'timed': GET /timed/loop ran longer than its timeout of PT1S");
        assertCancelledAndReplaced(workers);
    }

    @Test
    void endsTheResponseWhenPythonRunsPastTheTimeoutAfterTheHeadersWereSent() {
        Set<Thread> workers = workerThreads();
        assertThatExceptionOfType(CompletionException.class)
            .isThrownBy(() -> http().sendAsync(http().request("/timed/loop?started")).join())
            .withCauseInstanceOf(IOException.class);
        assertCancelledAndReplaced(workers);
    }

    private void assertCancelledAndReplaced(Set<Thread> workersBefore) {
        // The looping context's thread ends: cancelled, not left burning a core (the other stack's stays).
        await().until(() -> !workerThreads().containsAll(workersBefore));
        HttpResponse<String> next = http().get("/timed/hello");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("Hello, World!\n");
    }

    /** Return the live threads of the 'timed' contexts of both stacks. */
    private static Set<Thread> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().matches("python-timed-\\d+"))
            .collect(Collectors.toSet());
    }
}
