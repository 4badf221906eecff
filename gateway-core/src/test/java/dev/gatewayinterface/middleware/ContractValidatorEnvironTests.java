package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.TestApps.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.engine.RequestEnd;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check what {@link ContractValidator} demands of the environ a server passes (docs/SPEC.md §1.1, §2, §3),
 * one spoiled key at a time; each violation is thrown from the validator's call, before the application
 * runs.
 */
class ContractValidatorEnvironTests {

    static Stream<Trigger> triggers() {
        return Stream.of(
                Trigger.of(ContractRule.CALL_ARGUMENTS, "when the environ is null", "environ null",
                        server -> server.validator(ok()).call(null, server.startResponse())),
                Trigger.of(ContractRule.CALL_ARGUMENTS, "when start_response is null", "start_response null",
                        server -> server.validator(ok()).call(server.environ(), null)),
                spoiled(ContractRule.ENVIRON_REQUIRED_KEY, "SERVER_PORT is missing", "\"SERVER_PORT\"",
                        environ -> environ.remove(Environ.SERVER_PORT)),
                spoiled(ContractRule.ENVIRON_REQUIRED_KEY, "wsgi.file_wrapper is null", "\"wsgi.file_wrapper\"",
                        environ -> environ.put(Environ.WSGI_FILE_WRAPPER, null)),
                spoiled(ContractRule.ENVIRON_NATIVE_STRING, "SERVER_NAME holds a char above U+00FF",
                        "\"b\u00fccher\u20ac.example\"", environ -> environ.put(Environ.SERVER_NAME, "b\u00fccher\u20ac.example")),
                spoiled(ContractRule.ENVIRON_NATIVE_STRING, "SERVER_PORT is an Integer", "java.lang.Integer \"8080\"",
                        environ -> environ.put(Environ.SERVER_PORT, 8080)),
                spoiled(ContractRule.ENVIRON_NATIVE_STRING, "a CGI key is not a native string", "\"HTTP_X_\u20ac\"",
                        environ -> environ.put("HTTP_X_\u20ac", "value")),
                Trigger.of(ContractRule.ENVIRON_MUTABLE, "when the environ is unmodifiable",
                        "\"java.util.Collections$UnmodifiableMap@", server -> server.validator(ok())
                            .call(Collections.unmodifiableMap(server.environ()), server.startResponse())),
                spoiled(ContractRule.ENVIRON_TYPE, "wsgi.input is a String", "java.lang.String \"body\"",
                        environ -> environ.put(Environ.WSGI_INPUT, "body")),
                spoiled(ContractRule.ENVIRON_TYPE, "wsgi.multithread is a String", "java.lang.String \"true\"",
                        environ -> environ.put(Environ.WSGI_MULTITHREAD, "true")),
                spoiled(ContractRule.ENVIRON_TYPE, "gateway.request_end is not a RequestEnd", "\"later\"",
                        environ -> environ.put(RequestEnd.ENVIRON_KEY, new Named("later"))),
                spoiled(ContractRule.ENVIRON_VERSION, "wsgi.version is [1, 1]", "\"[1, 1]\"",
                        environ -> environ.put(Environ.WSGI_VERSION, List.of(1, 1))),
                spoiled(ContractRule.ENVIRON_URL_SCHEME, "wsgi.url_scheme is ftp", "\"ftp\"",
                        environ -> environ.put(Environ.WSGI_URL_SCHEME, "ftp")),
                spoiled(ContractRule.ENVIRON_SERVER_PORT, "SERVER_PORT is empty", "SERVER_PORT \"\"",
                        environ -> environ.put(Environ.SERVER_PORT, "")),
                spoiled(ContractRule.ENVIRON_SERVER_PORT, "SERVER_PORT is not decimal", "\"80a\"",
                        environ -> environ.put(Environ.SERVER_PORT, "80a")),
                spoiled(ContractRule.ENVIRON_CONTENT_LENGTH, "CONTENT_LENGTH is -1", "\"-1\"",
                        environ -> environ.put(Environ.CONTENT_LENGTH, "-1")),
                spoiled(ContractRule.ENVIRON_SCRIPT_NAME, "SCRIPT_NAME is /", "SCRIPT_NAME \"/\"",
                        environ -> environ.put(Environ.SCRIPT_NAME, "/")),
                spoiled(ContractRule.ENVIRON_SCRIPT_NAME, "SCRIPT_NAME lacks its leading slash", "\"app\"",
                        environ -> environ.put(Environ.SCRIPT_NAME, "app")),
                spoiled(ContractRule.ENVIRON_PATH_INFO, "PATH_INFO lacks its leading slash", "\"index.html\"",
                        environ -> environ.put(Environ.PATH_INFO, "index.html")),
                spoiled(ContractRule.ENVIRON_CONTENT_HEADER_KEY, "HTTP_CONTENT_LENGTH is present",
                        "\"HTTP_CONTENT_LENGTH\"", environ -> environ.put("HTTP_CONTENT_LENGTH", "4")),
                spoiled(ContractRule.ENVIRON_CONTENT_HEADER_KEY, "HTTP_CONTENT_TYPE is present",
                        "\"HTTP_CONTENT_TYPE\"", environ -> environ.put("HTTP_CONTENT_TYPE", "text/plain")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggers")
    void throwsTheViolationBeforeTheApplicationRuns(Trigger trigger) {
        trigger.assertReported();
    }

    @Test
    void passesAValidEnvironWithoutReportingAnything() throws Exception {
        FakeServer server = new FakeServer().serve(ok());
        assertThat(server.reported()).isEmpty();
        assertThat(server.bodyText()).isEqualTo("ok");
    }

    @Test
    void acceptsEmptyPathsAndNoRequestBodyKeys() throws Exception {
        FakeServer server = new FakeServer();
        server.environ().put(Environ.SCRIPT_NAME, "");
        server.environ().put(Environ.PATH_INFO, "");
        server.environ().remove(Environ.CONTENT_LENGTH);
        server.environ().remove(Environ.CONTENT_TYPE);
        server.serve(ok());
        assertThat(server.reported()).isEmpty();
    }

    @Test
    void acceptsAnEnvironWithoutRequestEndAndThenCannotTellWhetherTheBodyIsClosed() throws Exception {
        FakeServer server = new FakeServer();
        server.environ().remove(RequestEnd.ENVIRON_KEY);
        Iterable<byte[]> neverClosed = server.call(ok());
        neverClosed.forEach(chunk -> { });
        assertThat(server.reported()).isEmpty();
    }

    @Test
    void givesTheApplicationCheckingWrappersOfTheServersStreams() throws Exception {
        FakeServer server = new FakeServer();
        Input serverInput = (Input) server.environ().get(Environ.WSGI_INPUT);
        Errors serverErrors = (Errors) server.environ().get(Environ.WSGI_ERRORS);
        server.serve((environ, start) -> {
            assertThat(environ.get(Environ.WSGI_INPUT)).isInstanceOf(ValidatingInput.class).isNotSameAs(serverInput);
            assertThat(environ.get(Environ.WSGI_ERRORS)).isInstanceOf(ValidatingErrors.class).isNotSameAs(serverErrors);
            assertThat(((Input) environ.get(Environ.WSGI_INPUT)).read()).asString().isEqualTo("body");
            return ok().call(environ, start);
        });
        assertThat(server.reported()).isEmpty();
    }

    private static Trigger spoiled(ContractRule rule, String situation, String quoted,
            Consumer<Map<String, Object>> spoiler) {
        return Trigger.of(rule, "when " + situation, quoted, server -> {
            spoiler.accept(server.environ());
            server.serve(ok());
        });
    }

    /** Stand for an object of the wrong type, with a recognisable text. */
    private record Named(String name) {

        @Override
        public String toString() {
            return name;
        }
    }
}
