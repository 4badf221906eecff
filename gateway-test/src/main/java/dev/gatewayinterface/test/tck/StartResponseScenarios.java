package dev.gatewayinterface.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.Write;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Check the rules {@code start_response} and {@code write} enforce inside the application, and what the
 * client gets when one is broken: docs/SPEC.md §5.
 */
final class StartResponseScenarios {

    private StartResponseScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new Scenario("§5.1", "refuses a malformed status inside the application and answers 500", tck -> {
                    for (String status : List.of("200", "200OK", "2x0 OK", "099 Too Low", "600 Too High", "OK 200")) {
                        assertThat(refused(tck, status, List.of())).as(status)
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(status);
                    }
                    assertThat(refused(tck, "200 OK\r\nX-Injected: 1", List.of()))
                        .isInstanceOf(IllegalArgumentException.class);
                }),
                new Scenario("§5.2", "refuses CR or LF in a header value inside the application and answers 500",
                        tck -> {
                            for (String value : List.of("a\r\nSet-Cookie: evil=1", "a\nb", "a\rb")) {
                                assertThat(refused(tck, "200 OK", List.of(new Header("X-Injected", value)))).as(value)
                                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Injected");
                            }
                        }),
                new Scenario("§5.2", "refuses a header name that is not an HTTP token and answers 500", tck -> {
                    for (String name : List.of("Bad Header", "X:Y", "", "X-Caf\u00e9")) {
                        assertThat(refused(tck, "200 OK", List.of(new Header(name, "v")))).as(name)
                            .isInstanceOf(IllegalArgumentException.class);
                    }
                }),
                new Scenario("§5.3", "refuses every hop-by-hop header inside the application and answers 500", tck -> {
                    for (String name : List.of("Connection", "keep-alive", "Proxy-Authenticate", "Proxy-Authorization",
                            "TE", "Trailer", "Trailers", "transfer-encoding", "Upgrade")) {
                        assertThat(refused(tck, "200 OK", List.of(new Header(name, "x")))).as(name)
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
                    }
                }),
                new Scenario("§5.4", "refuses a second start_response without excInfo and answers 500", tck -> {
                    assertThat(refused(tck, start -> {
                        start.start("200 OK", Apps.plain());
                        start.start("201 Created", Apps.plain());
                    })).isInstanceOf(IllegalStateException.class);
                }),
                new Scenario("§5.4", "replaces status and headers when excInfo comes before anything was sent",
                        tck -> {
                            TckResponse response = tck.send((environ, start) -> {
                                start.start("200 OK", List.of(new Header("Content-Type", "text/html"),
                                        new Header("X-First", "yes")));
                                start.start("503 Service Unavailable", List.of(new Header("Content-Type", "text/plain"),
                                        new Header("X-Second", "yes")), new IllegalStateException("backend down"));
                                return List.of(Apps.bytes("sorry"));
                            }, TckRequest.get("/"));
                            assertThat(response.status()).isEqualTo(503);
                            assertThat(response.header("X-First")).isNull();
                            assertThat(response.header("X-Second")).isEqualTo("yes");
                            assertThat(response.text()).isEqualTo("sorry");
                            assertThat(response.complete()).isTrue();
                        }),
                new Scenario("§5.4", "rethrows excInfo itself once the headers were sent, cutting the response off",
                        tck -> {
                            IOException failure = new IOException("backend failed mid-response");
                            AtomicReference<Throwable> thrown = new AtomicReference<>();
                            TckResponse response = tck.send((environ, start) -> {
                                start.start("200 OK", Apps.plain()).write(Apps.bytes("partial"));
                                try {
                                    start.start("500 Internal Server Error", Apps.plain(), failure);
                                }
                                catch (Throwable ex) {
                                    thrown.set(ex);
                                    throw ex;
                                }
                                return List.of(Apps.bytes("unreachable"));
                            }, TckRequest.get("/"));
                            assertThat(thrown.get()).isSameAs(failure);
                            assertThat(response.status()).isEqualTo(200);
                            assertThat(response.text()).isEqualTo("partial");
                            assertThat(response.complete()).isFalse();
                        }),
                new Scenario("§5.2", "answers 500 and closes the body when a header given lazily breaks a rule",
                        tck -> {
                            Probe probe = new Probe();
                            TckResponse response = tck.send((environ, start) -> probe.body(1, index -> {
                                start.start("200 OK", List.of(new Header("X-Late", "a\r\nb")));
                                return Apps.bytes("unreachable");
                            }), TckRequest.get("/"));
                            ErrorScenarios.assertInternalServerError(response);
                            assertThat(probe.awaitCloses()).isEqualTo(1);
                        }),
                new Scenario("§5.5", "refuses write(null) inside the application", tck -> {
                    TckResponse response = tck.sendAsIs((environ, start) -> {
                        Write write = start.start("200 OK", Apps.plain());
                        try {
                            write.write(null);
                            return List.of(Apps.bytes("accepted"));
                        }
                        catch (IllegalArgumentException ex) {
                            return List.of(Apps.bytes("refused"));
                        }
                    }, TckRequest.get("/"));
                    assertThat(response.text()).isEqualTo("refused");
                }));
    }

    /** Call start_response with a broken status or header, after {@code Content-Type: text/plain}. */
    private static Throwable refused(TckContext tck, String status, List<Header> headers) throws Exception {
        List<Header> withType = new ArrayList<>(Apps.plain());
        withType.addAll(headers);
        return refused(tck, start -> start.start(status, withType));
    }

    /**
     * Serve an application that breaks a rule of start_response, and return what start_response threw, after
     * checking that the client got a clean 500.
     */
    private static Throwable refused(TckContext tck, Consumer<StartResponse> breaksARule) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        // As is: the validator would throw its own violation before the binding's start_response could.
        TckResponse response = tck.sendAsIs((environ, start) -> {
            try {
                breaksARule.accept(start);
            }
            catch (RuntimeException ex) {
                thrown.set(ex);
                throw ex;
            }
            return List.of(Apps.bytes("unreachable"));
        }, TckRequest.get("/"));
        ErrorScenarios.assertInternalServerError(response);
        assertThat(response.header("Set-Cookie")).isNull();
        return thrown.get();
    }
}
