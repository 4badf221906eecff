package dev.gatewayinterface.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * Check how a binding treats the body an application returns, and that it closes it exactly once:
 * docs/SPEC.md §1.2 and §1.3.
 */
final class LifecycleScenarios {

    private LifecycleScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new Scenario("§1.2", "sends nothing for empty chunks, even before start_response", tck -> {
                    Probe probe = new Probe();
                    TckResponse response = tck.send((environ, start) -> probe.body(3, index -> {
                        if (index == 1) {
                            start.start("200 OK", Apps.plain());
                        }
                        return index == 2 ? Apps.bytes("after") : new byte[0];
                    }), TckRequest.get("/"));
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.text()).isEqualTo("after");
                    assertThat(probe.awaitCloses()).isEqualTo(1);
                }),
                new Scenario("§1.2", "answers 500 when the application returns a null body", tck -> {
                    TckResponse response = tck.send((environ, start) -> {
                        start.start("200 OK", Apps.plain());
                        return null;
                    }, TckRequest.get("/"));
                    ErrorScenarios.assertInternalServerError(response);
                }),
                new Scenario("§1.2", "answers 500 and closes the body when it yields a null chunk", tck -> {
                    Probe probe = new Probe();
                    TckResponse response = tck.send((environ, start) -> {
                        start.start("200 OK", Apps.plain());
                        return probe.body(1, index -> null);
                    }, TckRequest.get("/"));
                    ErrorScenarios.assertInternalServerError(response);
                    assertThat(probe.awaitCloses()).isEqualTo(1);
                }),
                new Scenario("§1.2", "answers 500 and closes the body when bytes come before start_response", tck -> {
                    Probe probe = new Probe();
                    TckResponse response = tck.send((environ, start) -> probe.body(List.of(Apps.bytes("too early"))),
                            TckRequest.get("/"));
                    ErrorScenarios.assertInternalServerError(response);
                    assertThat(probe.awaitCloses()).isEqualTo(1);
                }),
                new Scenario("§1.3", "closes the body exactly once after sending it", tck -> {
                    Probe probe = new Probe();
                    TckResponse response = tck.send((environ, start) -> {
                        start.start("200 OK", Apps.plain());
                        return probe.body(List.of(Apps.bytes("one,"), Apps.bytes("two")));
                    }, TckRequest.get("/"));
                    assertThat(response.text()).isEqualTo("one,two");
                    assertThat(response.complete()).isTrue();
                    assertThat(probe.awaitCloses()).isEqualTo(1);
                }),
                new Scenario("§1.3", "keeps the response when the body's close() throws", tck -> {
                    Probe probe = new Probe();
                    TckResponse response = tck.send((environ, start) -> {
                        start.start("200 OK", Apps.plain());
                        return probe.bodyFailingOnClose(List.of(Apps.bytes("fine")));
                    }, TckRequest.get("/"));
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.text()).isEqualTo("fine");
                    assertThat(response.complete()).isTrue();
                    assertThat(probe.awaitCloses()).isEqualTo(1);
                }));
    }
}
