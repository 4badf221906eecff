package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatewayinterface.autoconfigure.MountDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Check over HTTP how a pool recovers from a context that cannot start again, with the {@code recovering}
 * application's one context, whose import fails while its flag file exists: the replacement of a context that
 * exited is tried again and again, health is down and the start-failure meter counts meanwhile, requests get a
 * clear 503 at once, and the pool serves again once the cause is gone. Each stack runs this suite.
 */
abstract class PythonRespawnTests {

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
        await().until(() -> health().at("/details/recovering/idle").asInt() == 1);
    }

    @Test
    void retriesAContextThatFailsToStartWhileHealthIsDownAndServesAgainOnceItStarts() throws IOException {
        double failuresBefore = startFailures();
        Files.createFile(flag());
        assertThat(http().get("/recovering/?exit").statusCode()).isEqualTo(500);
        // Tried again after a growing wait, failing each time while the flag is there.
        await().until(() -> startFailures() >= failuresBefore + 2);
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
        await().until(() -> "UP".equals(health().at("/status").asString()));
        HttpResponse<String> served = http().get("/recovering/");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("still serving");
    }

    private double startFailures() {
        return meters.get("gateway.python.contexts.start.failures").tag("app", "recovering").functionCounter().count();
    }

    /** Read the gatewayPython health contributor over HTTP, with its details. */
    private JsonNode health() {
        return JsonMapper.shared().readTree(http().get("/actuator/health/gatewayPython").body());
    }
}
