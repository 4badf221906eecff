package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatewayinterface.autoconfigure.MountDefinition;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Check the context pool over HTTP, with the {@code plain} application's two contexts and two-second wait: a
 * request beyond the pool waits for a free context, is answered 503 past the wait, and a context that raised
 * serves the next request. A context is held by an upload the application reads to its end, left open.
 * Each stack runs this suite.
 */
abstract class PythonPoolTests {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("gatewayPython.plain")
    MountDefinition plain;

    private final List<Hold> holds = new ArrayList<>();

    private Http http() {
        return new Http(port);
    }

    private PythonApplication application() {
        return (PythonApplication) plain.application();
    }

    @AfterEach
    void releaseEveryContext() {
        holds.forEach(Hold::release);
        await().until(() -> application().idleContexts() == 2);
    }

    @Test
    void makesARequestBeyondThePoolWaitForAFreeContext() {
        Hold first = hold();
        hold();
        await().until(() -> application().idleContexts() == 0);
        CompletableFuture<HttpResponse<byte[]>> waiting = http().sendAsync(http().request("/plain/hello"));
        await().until(() -> application().waitingRequests() == 1);
        assertThat(first.release().statusCode()).isEqualTo(200);
        HttpResponse<byte[]> served = waiting.join();
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(new String(served.body())).isEqualTo("Hello, World!\n");
    }

    @Test
    void answers503WithRetryAfterWhenNoContextFreesUpInTime() {
        hold();
        hold();
        await().until(() -> application().idleContexts() == 0);
        long start = System.nanoTime();
        HttpResponse<String> response = http().get("/plain/hello");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.body()).isEqualTo("503 Service Unavailable: every Python context is busy\n");
    }

    @Test
    void servesTheNextRequestWithTheContextWhosePythonCodeRaised() {
        hold();
        await().until(() -> application().idleContexts() == 1);
        assertThat(http().get("/plain/raise?first").statusCode()).isEqualTo(500);
        HttpResponse<String> next = http().get("/plain/hello");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("Hello, World!\n");
        // The client may read the whole response before the server closed the body and freed the context.
        await().until(() -> application().idleContexts() == 1);
    }

    @Test
    void givesTheContextBackOnceTheHeldRequestEnds() {
        Hold hold = hold();
        await().until(() -> application().idleContexts() == 1);
        HttpResponse<byte[]> response = hold.release();
        assertThat(new String(response.body())).isEqualTo("held 0 bytes");
        await().until(() -> application().idleContexts() == 2);
    }

    @Test
    void servesEveryRequestOfAContextOnTheThreadThatImportedTheApplication() {
        Set<String> answers = new HashSet<>();
        for (int request = 0; request < 5; request++) {
            answers.add(http().get("/wsgi/thread").body());
        }
        // The one context of 'wsgi' answers with its thread's id and the threading.local value set at import.
        assertThat(answers).singleElement().asString().matches("\\d+ set at import");
    }

    @Test
    void keepsTheJavaSideAnsweringWhilePythonLoopsOnEveryContext(@TempDir Path directory) throws IOException {
        Path flag = Files.createFile(directory.resolve("looping"));
        List<CompletableFuture<HttpResponse<byte[]>>> loops = new ArrayList<>();
        for (int request = 0; request < 2; request++) {
            loops.add(http().sendAsync(http().request("/plain/loop?while=" + flag)));
        }
        await().until(() -> application().idleContexts() == 0);
        HttpResponse<String> java = http().send(http().request("/java/hello").timeout(Duration.ofSeconds(10)));
        assertThat(java.body()).isEqualTo("Hello from Java");
        Files.delete(flag);
        assertThat(loops).allSatisfy(loop -> assertThat(new String(loop.join().body())).isEqualTo("looped"));
    }

    @Test
    void replacesAContextThatExitedAndKeepsServing() {
        long replaced = application().poolState().replaced();
        assertThat(http().get("/plain/exit").statusCode()).isEqualTo(500);
        assertThat(application().poolState().replaced()).isEqualTo(replaced + 1);
        HttpResponse<String> next = http().get("/plain/hello");
        assertThat(next.statusCode()).isEqualTo(200);
        await().until(() -> application().poolState().working() == 2);
    }

    /** Start an upload whose body stays open, so that the application's read() keeps its context. */
    private Hold hold() {
        SubmissionPublisher<ByteBuffer> body = new SubmissionPublisher<>();
        Hold hold = new Hold(body, http().sendAsync(http().request("/plain/hold").POST(BodyPublishers.fromPublisher(body))));
        holds.add(hold);
        return hold;
    }

    private record Hold(SubmissionPublisher<ByteBuffer> body, CompletableFuture<HttpResponse<byte[]>> response) {

        HttpResponse<byte[]> release() {
            body.close();
            return response.join();
        }
    }
}
