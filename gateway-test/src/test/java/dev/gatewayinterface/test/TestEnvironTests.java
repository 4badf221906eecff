package dev.gatewayinterface.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Input;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Check that {@link TestEnviron} builds environs with every required key, filling only what is missing.
 */
class TestEnvironTests {

    @Test
    void buildsAnEnvironWithEveryRequiredKey() {
        Map<String, Object> environ = TestEnviron.builder().build();
        assertThat(environ).containsEntry(Environ.REQUEST_METHOD, "GET")
            .containsEntry(Environ.SCRIPT_NAME, "")
            .containsEntry(Environ.PATH_INFO, "/")
            .containsEntry(Environ.QUERY_STRING, "")
            .containsEntry(Environ.SERVER_NAME, "localhost")
            .containsEntry(Environ.SERVER_PORT, "80")
            .containsEntry(Environ.SERVER_PROTOCOL, "HTTP/1.1")
            .containsEntry(Environ.WSGI_VERSION, List.of(1, 0))
            .containsEntry(Environ.WSGI_URL_SCHEME, "http")
            .containsEntry(Environ.WSGI_MULTITHREAD, true)
            .containsEntry(Environ.WSGI_MULTIPROCESS, false)
            .containsEntry(Environ.WSGI_RUN_ONCE, false)
            .doesNotContainKey(Environ.CONTENT_LENGTH);
        assertThat(environ.get(Environ.WSGI_INPUT)).isInstanceOf(Input.class);
        assertThat(environ.get(Environ.WSGI_ERRORS)).isInstanceOf(Errors.class);
        assertThat(environ.get(Environ.WSGI_FILE_WRAPPER)).isInstanceOf(FileWrapper.class);
    }

    @Test
    void putsHeadersWhereTheServerWould() {
        Map<String, Object> environ = TestEnviron.builder().header("Content-Type", "text/csv")
            .header("Accept", "a").header("Accept", "b").header("X-Request-Id", "7").build();
        assertThat(environ).containsEntry(Environ.CONTENT_TYPE, "text/csv")
            .containsEntry("HTTP_ACCEPT", "a,b")
            .containsEntry("HTTP_X_REQUEST_ID", "7")
            .doesNotContainKey("HTTP_CONTENT_TYPE");
    }

    @Test
    void givesTheBodyThroughWsgiInputWithItsLength() throws Exception {
        Map<String, Object> environ = TestEnviron.builder().method("POST").body("line one\nline two").build();
        assertThat(environ).containsEntry(Environ.CONTENT_LENGTH, "17");
        Input input = (Input) environ.get(Environ.WSGI_INPUT);
        assertThat(new String(input.readLine())).isEqualTo("line one\n");
        assertThat(new String(input.read())).isEqualTo("line two");
        assertThat(input.read()).isEmpty();
    }

    @Test
    void returnsAMutableEnviron() {
        Map<String, Object> environ = TestEnviron.builder().build();
        environ.put("app.key", 1);
        assertThat(environ).containsEntry("app.key", 1);
    }

    @Test
    void fillsOnlyTheKeysThatAreMissing() {
        Map<String, Object> environ = new HashMap<>();
        environ.put(Environ.REQUEST_METHOD, "DELETE");
        environ.put(Environ.SERVER_PORT, "8443");
        TestEnviron.fillMissing(environ);
        assertThat(environ).containsEntry(Environ.REQUEST_METHOD, "DELETE")
            .containsEntry(Environ.SERVER_PORT, "8443")
            .containsEntry("HTTP_HOST", "localhost:8443")
            .containsEntry(Environ.PATH_INFO, "/");
    }

    @Test
    void percentEncodesANativePathForARequestTarget() {
        assertThat(TestEnviron.encodePath("/caf\u00c3\u00a9 x/%")).isEqualTo("/caf%C3%A9%20x/%25");
    }
}
