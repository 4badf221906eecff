package dev.gatewayinterface.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Environ;
import java.util.List;
import java.util.Map;

/**
 * Check more of the environ a binding builds: docs/SPEC.md §2 and §3, for the request line, the
 * connection and headers with rules of their own.
 */
final class MoreEnvironScenarios {

    private MoreEnvironScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new Scenario("§2", "gives a raw UTF-8 path segment one char per byte, unless the container refuses it",
                        tck -> {
                            // Bytes above 0x7F are not valid in a target (RFC 3986): Tomcat answers 400 before any app.
                            Probe probe = new Probe();
                            TckResponse response = tck.send(Apps.recording(probe),
                                    TckRequest.get("/caf\u00c3\u00a9/%41"));
                            if (probe.environ() == null) {
                                assertThat(response.status()).as("status of a refused target").isEqualTo(400);
                            }
                            else {
                                assertThat(response.status()).isEqualTo(200);
                                assertThat(probe.environ()).containsEntry(Environ.PATH_INFO, "/caf\u00c3\u00a9/A")
                                    .containsEntry(Environ.REQUEST_URI, tck.mountPath() + "/caf\u00c3\u00a9/%41");
                            }
                        }),
                new Scenario("§3.1", "passes the request method as sent", tck -> {
                    // No extension method such as PURGE: Spring Security's default firewall answers those with 400.
                    for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS")) {
                        assertThat(EnvironScenarios.environOf(tck, TckRequest.of(method, "/a")))
                            .as(method).containsEntry(Environ.REQUEST_METHOD, method);
                    }
                }),
                new Scenario("§3.1", "describes the connection: protocol, peer, scheme and server", tck -> {
                    Map<String, Object> environ = EnvironScenarios.environOf(tck, TckRequest.get("/a"));
                    assertThat(environ).containsEntry(Environ.SERVER_PROTOCOL, "HTTP/1.1")
                        .containsEntry(Environ.REMOTE_ADDR, "127.0.0.1")
                        .containsEntry(Environ.WSGI_URL_SCHEME, "http")
                        .containsEntry(Environ.SERVER_NAME, "localhost")
                        .doesNotContainKey(Environ.HTTPS);
                    assertThat((String) environ.get(Environ.REMOTE_PORT)).matches("\\d+");
                }),
                new Scenario("§3.3", "joins repeated Cookie headers with a semicolon and a space", tck -> {
                    assertThat(EnvironScenarios.environOf(tck, TckRequest.get("/a").header("Cookie", "a=1")
                        .header("Cookie", "b=2; c=3"))).containsEntry("HTTP_COOKIE", "a=1; b=2; c=3");
                }));
    }
}
