package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatewayinterface.autoconfigure.MountDefinition;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Check over a real server that closing the Spring application exits the Python contexts as Gunicorn's workers
 * exit: the idle one runs its {@code atexit} handler, the one still looping past
 * {@code spring.lifecycle.timeout-per-shutdown-phase} is cancelled, nothing is replaced, nothing is logged as an
 * error and the shutdown ends soon after the grace period. Each stack runs this suite, in an application of its
 * own, since it ends it.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class PythonShutdownTests {

    /** Return the properties that choose the stack and its threads. */
    abstract String[] stack();

    @Test
    @Timeout(120)
    void finalisesTheIdleContextAndCancelsTheOneStillBusyAfterTheShutdownPhase(@TempDir Path directory,
            CapturedOutput output) {
        Path marker = directory.resolve("finalised");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PythonTestApplication.class)
            .properties(stack())
            .properties("server.port=0", "spring.main.register-shutdown-hook=false",
                    "spring.lifecycle.timeout-per-shutdown-phase=1s", "gateway.python.pycache-dir=target/pycache",
                    "gateway.python.apps.closing.app=wsgi_apps:finalising('" + marker + "')",
                    "gateway.python.apps.closing.python-path=src/test/python",
                    "gateway.python.apps.closing.pool-size=2", "gateway.python.apps.closing.timeout=0")
            .run();
        Http http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
        PythonApplication closing = (PythonApplication) context.getBean("gatewayPython.closing", MountDefinition.class)
            .application();
        assertThat(http.get("/hello").body()).isEqualTo("Hello, World!\n");
        CompletableFuture<HttpResponse<byte[]>> looping = http.sendAsync(http.request("/loop"));
        await().until(() -> closing.poolState().busy() == 1);
        int start = output.getAll().length();
        long closeStarted = System.nanoTime();
        context.close();
        // The grace period is a second, for the web server and the contexts together; a wait of the executor's
        // own (30 s on WebFlux) would show here.
        assertThat(Duration.ofNanos(System.nanoTime() - closeStarted)).isLessThan(Duration.ofSeconds(20));
        // Only the idle context ran its atexit handler: the looping one was cancelled, so it could not.
        assertThat(marker).hasContent("atexit ran");
        assertThat(closing.poolState().working()).isZero();
        // The cancelled request ends, its connection does not stay open, and no context's thread is left.
        await().until(looping::isDone);
        await().until(() -> Thread.getAllStackTraces().keySet().stream()
            .noneMatch(thread -> thread.getName().matches("python-closing-\\d+")));
        assertThat(output.getAll().substring(start)).doesNotContain(" ERROR ", "'closing': a new context",
                "'closing' could not start", "replacing");
    }
}
