package dev.gatewayinterface.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Input;
import java.util.List;
import java.util.Map;

/**
 * Check the environ a binding builds: docs/SPEC.md §2 and §3.
 */
final class EnvironScenarios {

    private EnvironScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new Scenario("§3.1", "provides every required key with its Java type", tck -> {
                    Map<String, Object> environ = environOf(tck, TckRequest.get("/a"));
                    assertThat(environ).containsKeys(Environ.REQUEST_METHOD, Environ.SCRIPT_NAME, Environ.PATH_INFO,
                            Environ.QUERY_STRING, Environ.SERVER_NAME, Environ.SERVER_PORT, Environ.SERVER_PROTOCOL,
                            Environ.REQUEST_URI, Environ.RAW_URI)
                        .containsEntry(Environ.WSGI_VERSION, List.of(1, 0))
                        .containsEntry(Environ.WSGI_URL_SCHEME, "http")
                        .containsEntry(Environ.WSGI_MULTITHREAD, true)
                        .containsEntry(Environ.WSGI_MULTIPROCESS, false)
                        .containsEntry(Environ.WSGI_RUN_ONCE, false)
                        .containsEntry(Environ.WSGI_INPUT_TERMINATED, true);
                    assertThat(environ.get(Environ.WSGI_INPUT)).isInstanceOf(Input.class);
                    assertThat(environ.get(Environ.WSGI_ERRORS)).isInstanceOf(Errors.class);
                    assertThat(environ.get(Environ.WSGI_FILE_WRAPPER)).isInstanceOf(FileWrapper.class);
                    assertThat((String) environ.get(Environ.SERVER_PORT)).matches("\\d+");
                }),
                new Scenario("§3.1", "gives an empty QUERY_STRING when the target has no query", tck -> {
                    assertThat(environOf(tck, TckRequest.get("/a"))).containsEntry(Environ.QUERY_STRING, "");
                }),
                new Scenario("§2", "keeps QUERY_STRING raw, still percent-encoded", tck -> {
                    assertThat(environOf(tck, TckRequest.get("/a?q=%20x+y&caf%C3%A9=1&flag")))
                        .containsEntry(Environ.QUERY_STRING, "q=%20x+y&caf%C3%A9=1&flag");
                }),
                new Scenario("§2", "decodes PATH_INFO to one char per byte", tck -> {
                    assertThat(environOf(tck, TckRequest.get("/caf%C3%A9/%41")))
                        .containsEntry(Environ.PATH_INFO, "/caf\u00c3\u00a9/A");
                }),
                new Scenario("§3.2", "puts the mount path in SCRIPT_NAME and the rest in PATH_INFO", tck -> {
                    Map<String, Object> environ = environOf(tck, TckRequest.get("/x/y?z=1"));
                    assertThat(environ).containsEntry(Environ.SCRIPT_NAME, tck.mountPath())
                        .containsEntry(Environ.PATH_INFO, "/x/y")
                        .containsEntry(Environ.REQUEST_URI, tck.mountPath() + "/x/y?z=1");
                }),
                new Scenario("§3.2", "gives an empty PATH_INFO for the mount itself and / below it", tck -> {
                    assertThat(environOf(tck, TckRequest.get(""))).containsEntry(Environ.PATH_INFO, "");
                    assertThat(environOf(tck, TckRequest.get("/"))).containsEntry(Environ.PATH_INFO, "/");
                }),
                new Scenario("§3.1", "omits CONTENT_LENGTH and CONTENT_TYPE when the request has neither", tck -> {
                    assertThat(environOf(tck, TckRequest.get("/a")))
                        .doesNotContainKeys(Environ.CONTENT_LENGTH, Environ.CONTENT_TYPE);
                }),
                new Scenario("§3.3", "gives Content-Type and Content-Length only as CONTENT_TYPE and CONTENT_LENGTH",
                        tck -> {
                            Map<String, Object> environ = environOf(tck, TckRequest.of("POST", "/a")
                                .header("Content-Type", "text/plain").body("abc"));
                            assertThat(environ).containsEntry(Environ.CONTENT_TYPE, "text/plain")
                                .containsEntry(Environ.CONTENT_LENGTH, "3")
                                .doesNotContainKeys("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH");
                        }),
                new Scenario("§3.3", "joins a repeated header with a comma", tck -> {
                    assertThat(environOf(tck, TckRequest.get("/a").header("X-Multi", "one").header("X-Multi", "two")))
                        .containsEntry("HTTP_X_MULTI", "one,two");
                }),
                new Scenario("§3.3", "drops a header whose name holds an underscore", tck -> {
                    assertThat(environOf(tck, TckRequest.get("/a").header("X_Forwarded_For", "6.6.6.6")))
                        .doesNotContainKey("HTTP_X_FORWARDED_FOR");
                }),
                new Scenario("§3.1", "gives a fresh, mutable environ to every request", tck -> {
                    Probe first = new Probe();
                    tck.send((environ, start) -> {
                        environ.put("mine", "changed");
                        first.environ(environ);
                        return Apps.text(start, "ok");
                    }, TckRequest.get("/a"));
                    assertThat(first.environ()).containsEntry("mine", "changed");
                    assertThat(environOf(tck, TckRequest.get("/a"))).doesNotContainKey("mine");
                }));
    }

    static Map<String, Object> environOf(TckContext tck, TckRequest request) throws Exception {
        Probe probe = new Probe();
        TckResponse response = tck.send(Apps.recording(probe), request);
        assertThat(response.status()).as("status of %s %s", request.method(), request.target()).isEqualTo(200);
        return probe.environ();
    }
}
