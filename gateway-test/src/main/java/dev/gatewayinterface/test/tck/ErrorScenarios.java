package dev.gatewayinterface.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Header;
import java.io.IOException;
import java.util.List;

/**
 * Check how a binding answers an application that fails: docs/SPEC.md §7.
 */
final class ErrorScenarios {

    /** What failing applications put in their exceptions, which must never reach the client. */
    static final String SECRET = "secret detail";

    private ErrorScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new Scenario("§7", "answers an exception before anything was sent with a plain 500 revealing nothing",
                        tck -> {
                            TckResponse response = tck.send((environ, start) -> {
                                throw new IOException(SECRET);
                            }, TckRequest.get("/"));
                            assertInternalServerError(response);
                        }),
                new Scenario("§7", "answers 500 without the application's headers when iteration fails before a byte",
                        tck -> {
                            Probe probe = new Probe();
                            TckResponse response = tck.send((environ, start) -> {
                                start.start("200 OK", List.of(new Header("Content-Type", "text/html"),
                                        new Header("X-Application", "set before the failure")));
                                return probe.body(2, index -> {
                                    if (index == 1) {
                                        throw new IllegalStateException(SECRET);
                                    }
                                    return new byte[0];
                                });
                            }, TckRequest.get("/"));
                            assertInternalServerError(response);
                            assertThat(response.header("X-Application")).isNull();
                            assertThat(probe.awaitCloses()).isEqualTo(1);
                        }),
                new Scenario("§7", "cuts the response off when iteration fails after the headers were sent", tck -> {
                    Probe probe = new Probe();
                    TckResponse response = tck.send((environ, start) -> {
                        start.start("200 OK", Apps.plain());
                        return probe.body(2, index -> {
                            if (index == 1) {
                                throw new IllegalStateException(SECRET);
                            }
                            return Apps.bytes("first chunk\n");
                        });
                    }, TckRequest.get("/"));
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.text()).isEqualTo("first chunk\n");
                    assertThat(response.complete()).isFalse();
                    assertThat(probe.awaitCloses()).isEqualTo(1);
                }),
                new Scenario("§7", "answers a failed HEAD request with a 500 and no body", tck -> {
                    TckResponse response = tck.send((environ, start) -> {
                        throw new IllegalStateException(SECRET);
                    }, TckRequest.of("HEAD", "/"));
                    assertThat(response.status()).isEqualTo(500);
                    assertThat(response.body()).isEmpty();
                }));
    }

    /**
     * Assert that the client got the engine's own 500, which says nothing of what went wrong.
     * @param response what the client received
     */
    static void assertInternalServerError(TckResponse response) {
        assertThat(response.status()).as("status").isEqualTo(500);
        assertThat(response.header("Content-Type")).as("Content-Type").matches("(?i)text/plain; ?charset=utf-8");
        assertThat(response.text()).as("body").isEqualTo("500 Internal Server Error\n");
        assertThat(response.headers()).as("headers").noneMatch(header -> header.value().contains(SECRET));
        assertThat(response.complete()).as("complete").isTrue();
    }
}
