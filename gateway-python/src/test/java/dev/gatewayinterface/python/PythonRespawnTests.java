package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatewayinterface.autoconfigure.MountDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Check over HTTP how a pool replaces its contexts. The {@code recycled} application's one context is replaced
 * after three requests. The {@code recovering} application's one context cannot start again while its flag file
 * exists: the replacement of a context that exited is tried again and again, health is down and the start-failure
 * meter counts meanwhile, requests get a clear 503 at once, and the pool serves again once the cause is gone. Each
 * stack runs this suite.
 */
abstract class PythonRespawnTests {

    /** How long to wait for contexts to start: seconds each, more on a busy machine. */
    private static final Duration STARTS = Duration.ofMinutes(1);

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("gatewayPython.recovering")
    MountDefinition recovering;

    @Autowired
    MeterRegistry meters;

    private Http http() {
        return new Http(port);
    }

    /** Return the file whose presence makes the import fail, named in the application's spec. */
    private Path flag() {
        String spec = ((PythonApplication) recovering.application()).config().app();
        return Path.of(spec.substring(spec.indexOf('\'') + 1, spec.lastIndexOf('\'')));
    }

    @AfterEach
    void letTheApplicationStart() throws IOException {
        Files.deleteIfExists(flag());
        await().atMost(STARTS).until(() -> health().at("/details/recovering/idle").asInt() == 1);
    }

    @Test
    void retriesAContextThatFailsToStartWhileHealthIsDownAndServesAgainOnceItStarts() throws IOException {
        double failuresBefore = startFailures();
        Files.createFile(flag());
        assertThat(http().get("/recovering/?exit").statusCode()).isEqualTo(500);
        // Tried again after a growing wait, failing each time while the flag is there.
        await().atMost(STARTS).until(() -> startFailures() >= failuresBefore + 2);
        JsonNode down = health();
        assertThat(down.at("/status").asString()).isEqualTo("DOWN");
        assertThat(down.at("/details/recovering/idle").asInt()).isZero();
        assertThat(down.at("/details/recovering/startFailures").asDouble()).isGreaterThanOrEqualTo(failuresBefore + 2);
        HttpResponse<String> unavailable = http().get("/recovering/");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
        assertThat(unavailable.body()).isEqualTo("503 Service Unavailable: the Python application has no working "
                + "context; starting a new one failed and is being retried\n");
        Files.delete(flag());
        await().atMost(STARTS).until(() -> "UP".equals(health().at("/status").asString()));
        HttpResponse<String> served = http().get("/recovering/");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("still serving");
    }

    @Test
    void replacesAContextOnceItServedItsMaximumNumberOfRequests() {
        double replacedBefore = count("gateway.python.contexts.replaced", "recycled");
        String first = http().get("/recycled/thread").body();
        assertThat(http().get("/recycled/thread").body()).isEqualTo(first);
        assertThat(http().get("/recycled/thread").body()).isEqualTo(first);
        // The fourth request is served by the new context's thread, which imported the application again.
        assertThat(http().get("/recycled/thread").body()).isNotEqualTo(first).endsWith(" set at import");
        assertThat(count("gateway.python.contexts.replaced", "recycled")).isEqualTo(replacedBefore + 1);
    }

    private double startFailures() {
        return count("gateway.python.contexts.start.failures", "recovering");
    }

    private double count(String counter, String app) {
        return meters.get(counter).tag("app", app).functionCounter().count();
    }

    /** Read the gatewayPython health contributor over HTTP, with its details. */
    private JsonNode health() {
        return JsonMapper.shared().readTree(http().get("/actuator/health/gatewayPython").body());
    }
}
