package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Input;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Check the environ an application sees when the server serves it, request bytes sent by hand. The environ is the
 * gateway's contract and must not depend on the stack, so each stack runs these tests through a subclass carrying
 * its own Spring Boot test annotation; only the key of the native request object differs.
 */
public abstract class EnvironContractTests extends ProbedServerTests {

    private final String nativeRequestKey;

    private final Class<?> nativeRequestType;

    /**
     * Name what the stack adds to the environ of its own.
     * @param nativeRequestKey the environ key under which the stack hands the application its own request object
     * @param nativeRequestType the type of that object
     */
    protected EnvironContractTests(String nativeRequestKey, Class<?> nativeRequestType) {
        this.nativeRequestKey = nativeRequestKey;
        this.nativeRequestType = nativeRequestType;
    }

    @Test
    void buildsTheEnvironFromTheRawRequest() throws Exception {
        RawHttp.Response response = exchange("GET /env/caf%C3%A9/x?q=%20a&b HTTP/1.1\r\nHost: example.test:8080\r\n"
                + "X-Repeated: a\r\nX-Repeated: b\r\nX_Under: sneaky\r\nCookie: a=1\r\nCookie: b=2\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("ok");
        Map<String, Object> environ = probes.environ.get();
        assertThat(environ).containsEntry(Environ.REQUEST_METHOD, "GET")
            .containsEntry(Environ.SCRIPT_NAME, "/env")
            .containsEntry(Environ.PATH_INFO, "/caf\u00c3\u00a9/x")
            .containsEntry(Environ.QUERY_STRING, "q=%20a&b")
            .containsEntry(Environ.REQUEST_URI, "/env/caf%C3%A9/x?q=%20a&b")
            .containsEntry(Environ.SERVER_NAME, "example.test")
            .containsEntry(Environ.SERVER_PORT, "8080")
            .containsEntry(Environ.SERVER_PROTOCOL, "HTTP/1.1")
            .containsEntry(Environ.REMOTE_ADDR, "127.0.0.1")
            .containsEntry("HTTP_X_REPEATED", "a,b")
            .containsEntry("HTTP_COOKIE", "a=1; b=2")
            .containsEntry("DEPLOYED_BY", "tests")
            .containsEntry(Environ.WSGI_VERSION, List.of(1, 0))
            .containsEntry(Environ.WSGI_URL_SCHEME, "http")
            .containsEntry(Environ.WSGI_MULTITHREAD, true)
            .containsEntry(Environ.WSGI_MULTIPROCESS, false)
            .containsEntry(Environ.WSGI_RUN_ONCE, false)
            .containsEntry(Environ.WSGI_INPUT_TERMINATED, true)
            .doesNotContainKeys("HTTP_X_UNDER", Environ.CONTENT_LENGTH, Environ.CONTENT_TYPE, Environ.HTTPS,
                    Environ.REMOTE_USER, Environ.AUTH_TYPE);
        assertThat(environ.get(Environ.REMOTE_PORT)).asString().matches("\\d+");
        assertThat(environ.get(Environ.WSGI_INPUT)).isInstanceOf(Input.class);
        assertThat(environ.get(Environ.WSGI_ERRORS)).isInstanceOf(Errors.class);
        assertThat(environ.get(Environ.WSGI_FILE_WRAPPER)).isInstanceOf(FileWrapper.class);
        assertThat(environ.get(nativeRequestKey)).isInstanceOf(nativeRequestType);
    }

    @Test
    void givesAnEmptyPathInfoAtTheMountItselfAndASlashBelowIt() throws Exception {
        assertThat(pathInfoOf("/env")).isEmpty();
        assertThat(pathInfoOf("/env/")).isEqualTo("/");
    }

    @Test
    void routesPathsOutsideEveryOtherMountToTheRootApplication() throws Exception {
        assertThat(get("/envelope").text()).isEqualTo("root app at /envelope");
    }

    @Test
    void passesTheDeclaredContentLengthAndType() throws Exception {
        exchange("POST /env HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nabc");
        assertThat(probes.environ.get()).containsEntry(Environ.CONTENT_LENGTH, "3")
            .containsEntry(Environ.CONTENT_TYPE, "text/plain")
            .doesNotContainKeys("HTTP_CONTENT_LENGTH", "HTTP_CONTENT_TYPE");
    }

    @Test
    void rejectsAnEncodedSlashBeforeTheApplicationIsCalled() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /env/a%2Fb HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(http.readHead().status()).isEqualTo(400);
        }
        assertThat(probes.environ.get()).isNull();
    }

    @Test
    void givesTheDefaultPortOfTheSchemeWhenTheHostHeaderNamesNone() throws Exception {
        pathInfoOf("/env");
        assertThat(probes.environ.get()).containsEntry(Environ.SERVER_NAME, "localhost")
            .containsEntry(Environ.SERVER_PORT, "80");
    }

    /**
     * GET a target below the environ probe's mount and return the PATH_INFO the probe saw.
     * @param target the request target
     * @return the PATH_INFO
     * @throws Exception if the request fails
     */
    protected String pathInfoOf(String target) throws Exception {
        assertThat(okBodyOf(target)).isEqualTo("ok");
        return (String) probes.environ.get().get(Environ.PATH_INFO);
    }
}
