package dev.gatewayinterface.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Write;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Check how a binding sends what applications produce: docs/SPEC.md §1 and §6.
 */
final class BodyScenarios {

    private BodyScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new Scenario("§1.2", "lets the application call start_response on the first iteration", tck -> {
                    Probe probe = new Probe();
                    TckResponse response = tck.send((environ, start) -> probe.body(2, index -> {
                        if (index == 0) {
                            start.start("201 Created", Apps.plain());
                        }
                        return Apps.bytes("part" + index);
                    }), TckRequest.get("/"));
                    assertThat(response.status()).isEqualTo(201);
                    assertThat(response.text()).isEqualTo("part0part1");
                    assertThat(probe.awaitCloses()).isEqualTo(1);
                }),
                new Scenario("§5.5", "sends write() output before the returned chunks", tck -> {
                    TckResponse response = tck.send((environ, start) -> {
                        Write write = start.start("200 OK", Apps.plain());
                        write.write(Apps.bytes("written,"));
                        return List.of(Apps.bytes("returned"));
                    }, TckRequest.get("/"));
                    assertThat(response.text()).isEqualTo("written,returned");
                }),
                new Scenario("§6.1", "sends an empty body with Content-Length 0", tck -> {
                    TckResponse response = tck.send((environ, start) -> {
                        start.start("200 OK", Apps.plain());
                        return List.of();
                    }, TckRequest.get("/"));
                    assertThat(response.header("Content-Length")).isEqualTo("0");
                    assertThat(response.body()).isEmpty();
                    assertThat(response.complete()).isTrue();
                }),
                new Scenario("§6.1", "sends no headers for empty chunks and writes, so excInfo can still replace them",
                        tck -> {
                            Probe probe = new Probe();
                            TckResponse response = tck.send((environ, start) -> {
                                start.start("200 OK", List.of(new Header("Content-Type", "text/html"),
                                        new Header("X-First", "yes"))).write(new byte[0]);
                                return probe.body(3, index -> {
                                    if (index < 2) {
                                        return new byte[0];
                                    }
                                    start.start("202 Accepted", Apps.plain(), new IllegalStateException("changed"));
                                    return Apps.bytes("replaced");
                                });
                            }, TckRequest.get("/"));
                            assertThat(response.status()).isEqualTo(202);
                            assertThat(response.header("X-First")).isNull();
                            assertThat(response.text()).isEqualTo("replaced");
                            assertThat(probe.awaitCloses()).isEqualTo(1);
                        }),
                new Scenario("§6.3", "streams a body without Content-Length to its end, chunked", tck -> {
                    Probe probe = new Probe();
                    TckResponse response = tck.send((environ, start) -> {
                        start.start("200 OK", Apps.plain());
                        return probe.body(3, index -> Apps.bytes("chunk" + index + ","));
                    }, TckRequest.get("/"));
                    assertThat(response.text()).isEqualTo("chunk0,chunk1,chunk2,");
                    assertThat(response.complete()).isTrue();
                    assertThat(response.header("Content-Length")).isNull();
                    if (tck.overTheWire()) {
                        assertThat(response.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
                    }
                    assertThat(probe.awaitCloses()).isEqualTo(1);
                }),
                // The applications below break the contract on purpose, to see the binding cope: no validator.
                new Scenario("§6.3", "cuts a body off at its declared Content-Length", tck -> {
                    Probe probe = new Probe();
                    TckResponse response = tck.sendAsIs((environ, start) -> {
                        start.start("200 OK", List.of(new Header("Content-Type", "text/plain"),
                                new Header("Content-Length", "5")));
                        return probe.body(List.of(Apps.bytes("12345678")));
                    }, TckRequest.get("/"));
                    assertThat(response.text()).isEqualTo("12345");
                    assertThat(response.complete()).isTrue();
                    assertThat(probe.awaitCloses()).isEqualTo(1);
                }),
                new Scenario("§6.3", "aborts a body shorter than its declared Content-Length", tck -> {
                    Probe probe = new Probe();
                    TckResponse response = tck.sendAsIs((environ, start) -> {
                        start.start("200 OK", List.of(new Header("Content-Type", "text/plain"),
                                new Header("Content-Length", "50")));
                        return probe.body(List.of(Apps.bytes("short")));
                    }, TckRequest.get("/"));
                    assertThat(response.complete()).isFalse();
                    assertThat(probe.awaitCloses()).isEqualTo(1);
                }),
                new Scenario("§6.4", "sends no body for HEAD but the headers GET would have", tck -> {
                    Application hello = (environ, start) -> {
                        start.start("200 OK", Apps.plain());
                        return List.of(Apps.bytes("hello"));
                    };
                    TckResponse get = tck.sendAsIs(hello, TckRequest.get("/"));
                    TckResponse head = tck.sendAsIs(hello, TckRequest.of("HEAD", "/"));
                    assertThat(head.status()).isEqualTo(200);
                    assertThat(head.header("Content-Length")).isEqualTo(get.header("Content-Length")).isEqualTo("5");
                    assertThat(head.body()).isEmpty();
                }),
                new Scenario("§6.4", "iterates and closes the body of a HEAD response without sending it", tck -> {
                    Probe probe = new Probe();
                    TckResponse response = tck.sendAsIs((environ, start) -> {
                        start.start("200 OK", Apps.plain());
                        return probe.body(List.of(Apps.bytes("hello")));
                    }, TckRequest.of("HEAD", "/"));
                    assertThat(response.body()).isEmpty();
                    assertThat(probe.awaitCloses()).isEqualTo(1);
                }),
                new Scenario("§6.4", "sends no body for 204 and 304 but still closes the body", tck -> {
                    for (String status : List.of("204 No Content", "304 Not Modified")) {
                        Probe probe = new Probe();
                        AtomicInteger calls = new AtomicInteger();
                        TckResponse response = tck.sendAsIs((environ, start) -> {
                            start.start(status, Apps.plain());
                            List<byte[]> chunks = List.of(Apps.bytes("must not be sent"));
                            // The pipelined request gets a body of its own, so that only the first is counted.
                            return calls.getAndIncrement() == 0 ? probe.body(chunks) : chunks;
                        }, TckRequest.get("/").withPipelinedRequest());
                        assertThat(response.status()).as(status).isEqualTo(Integer.parseInt(status.substring(0, 3)));
                        assertThat(response.body()).as(status).isEmpty();
                        if (tck.overTheWire()) {
                            // Stray body bytes would stand where the next status line must be.
                            assertThat(response.next()).as(status + ", pipelined").isNotNull();
                            assertThat(response.next().status()).as(status + ", pipelined")
                                .isEqualTo(response.status());
                        }
                        assertThat(probe.awaitCloses()).as(status).isEqualTo(1);
                    }
                }));
    }
}
