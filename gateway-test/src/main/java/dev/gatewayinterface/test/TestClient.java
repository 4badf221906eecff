package dev.gatewayinterface.test;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.engine.Gateway;
import dev.gatewayinterface.engine.GatewayOptions;
import dev.gatewayinterface.middleware.ContractValidator;
import dev.gatewayinterface.middleware.ContractViolationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Call an {@link Application} in-process — no server, no socket — through the same request lifecycle the
 * servers use, and return what a client would have received. The JVM counterpart of Werkzeug's test
 * {@code Client}.
 *
 * <p>By default the application runs inside {@link ContractValidator}: any breach of the contract, by the
 * application or the client's server side, is thrown from the request as a
 * {@link ContractViolationException} ({@link #withoutValidation()} turns that off). An exception the
 * application throws is rethrown from the request, so a failing test shows the application's own stack
 * trace; {@link #catchingErrors()} returns the server's 500 instead.
 *
 * <pre>{@code
 * TestResponse response = TestClient.of(app).get("/hello?name=Ada");
 * assertThat(response.status()).isEqualTo(200);
 * assertThat(response.text()).isEqualTo("Hello, Ada!");
 * }</pre>
 */
public final class TestClient {

    private final Application application;

    private final String scriptName;

    private final boolean propagateErrors;

    private final boolean validating;

    private final boolean strict;

    private final boolean strictPaths;

    private TestClient(Application application, String scriptName, boolean propagateErrors, boolean validating,
            boolean strict) {
        this(application, scriptName, propagateErrors, validating, strict, true);
    }

    private TestClient(Application application, String scriptName, boolean propagateErrors, boolean validating,
            boolean strict, boolean strictPaths) {
        this.application = Objects.requireNonNull(application, "application must not be null");
        this.scriptName = scriptName;
        this.propagateErrors = propagateErrors;
        this.validating = validating;
        this.strict = strict;
        this.strictPaths = strictPaths;
    }

    /**
     * Create a client for an application mounted at the root.
     * @param application the application under test
     * @return the client
     */
    public static TestClient of(Application application) {
        return new TestClient(application, "", true, true, false);
    }

    /**
     * Return a client that mounts the application at a path, which becomes its {@code SCRIPT_NAME}.
     * @param mountPath {@code ""} for the root, else a path starting with {@code /}, without a trailing slash
     * @return a new client
     */
    public TestClient mountedAt(String mountPath) {
        if (!mountPath.isEmpty() && (!mountPath.startsWith("/") || mountPath.endsWith("/"))) {
            throw new IllegalArgumentException(
                    "A mount path is \"\" or starts with '/' and has no trailing slash, not '" + mountPath + "'");
        }
        return new TestClient(application, mountPath, propagateErrors, validating, strict, strictPaths);
    }

    /**
     * Return a client that answers an application's exception as a server does, with a 500 response whose
     * {@link TestResponse#error()} holds the exception.
     * @return a new client
     */
    public TestClient catchingErrors() {
        return new TestClient(application, scriptName, false, validating, strict, strictPaths);
    }

    /**
     * Return a client that calls the application without {@link ContractValidator} around it, for
     * applications that break the contract on purpose.
     * @return a new client
     */
    public TestClient withoutValidation() {
        return new TestClient(application, scriptName, propagateErrors, false, false, strictPaths);
    }

    /**
     * Return a client that runs the application inside {@link ContractValidator#strict}, which also refuses
     * a body for {@code HEAD} and {@code excInfo} on a first {@code start_response} (docs/SPEC.md §11.3).
     * @return a new client
     */
    public TestClient strictValidation() {
        return new TestClient(application, scriptName, propagateErrors, true, true, strictPaths);
    }

    /**
     * Return a client whose server lets dot segments and path parameters through, as
     * {@code gateway.paths.strict=false} does (docs/SPEC.md §14), for testing what an application does with such
     * paths itself.
     * @return a new client
     */
    public TestClient acceptingAmbiguousPaths() {
        return new TestClient(application, scriptName, propagateErrors, validating, strict, false);
    }

    /**
     * Send a {@code GET}.
     * @param target the raw path and query
     * @return the response
     */
    public TestResponse get(String target) {
        return request("GET", target).send();
    }

    /**
     * Send a {@code HEAD}.
     * @param target the raw path and query
     * @return the response
     */
    public TestResponse head(String target) {
        return request("HEAD", target).send();
    }

    /**
     * Send a {@code POST} with a body.
     * @param target the raw path and query
     * @param contentType the body's content type
     * @param body the body
     * @return the response
     */
    public TestResponse post(String target, String contentType, byte[] body) {
        return request("POST", target).header("Content-Type", contentType).body(body).send();
    }

    /**
     * Start a request to build up.
     * @param method the method
     * @param target the raw path and query
     * @return a builder; {@link RequestBuilder#send()} sends it
     */
    public RequestBuilder request(String method, String target) {
        return new RequestBuilder(method, target);
    }

    /**
     * Call the application with an environ of your own, completed by {@link TestEnviron#fillMissing}: the
     * form of seed's {@code call_application(app, environ)}. The entries given win over the ones the
     * server would build; the body comes from the given {@code wsgi.input} if there is one.
     * @param environ the environ entries to use
     * @return the response
     */
    public TestResponse call(Map<String, Object> environ) {
        Map<String, Object> complete = TestEnviron.fillMissing(new LinkedHashMap<>(environ));
        String query = (String) complete.get(Environ.QUERY_STRING);
        String target = TestEnviron.encodePath((String) complete.get(Environ.PATH_INFO));
        RequestBuilder builder = new TestClient(application, "", propagateErrors, validating, strict, strictPaths)
            .request((String) complete.get(Environ.REQUEST_METHOD), target.isEmpty() ? "/" : target + (query.isEmpty() ? "" : "?" + query));
        complete.forEach(builder::environ);
        return builder.send();
    }

    private TestResponse send(TestRequest request) {
        InMemoryExchange exchange = new InMemoryExchange(request, scriptName, propagateErrors);
        List<ContractViolationException> violations = new CopyOnWriteArrayList<>();
        Application served = !validating ? application
                : strict ? ContractValidator.strict(application, violations::add)
                : new ContractValidator(application, violations::add);
        new Gateway(served, GatewayOptions.defaults("test-client").withStrictPaths(strictPaths)).handle(exchange);
        if (!violations.isEmpty()) {
            ContractViolationException first = violations.get(0);
            violations.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        Throwable failure = exchange.failure();
        if (propagateErrors && failure != null) {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("The application failed: " + failure, failure);
        }
        return exchange.response();
    }

    /**
     * Build one request for this client.
     */
    public final class RequestBuilder {

        private final String method;

        private final String target;

        private final List<Header> headers = new ArrayList<>();

        private final Map<String, Object> environ = new LinkedHashMap<>();

        private String scheme = "http";

        private byte[] body = new byte[0];

        private byte[] following = new byte[0];

        private boolean chunked;

        private RequestBuilder(String method, String target) {
            this.method = method;
            this.target = target;
        }

        /**
         * Add a request header; repeat a name to send it twice.
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public RequestBuilder header(String name, String value) {
            headers.add(new Header(name, value));
            return this;
        }

        /**
         * Set the body; its length becomes {@code Content-Length} unless {@link #chunked()}.
         * @param bytes the body
         * @return this builder
         */
        public RequestBuilder body(byte[] bytes) {
            this.body = bytes.clone();
            return this;
        }

        /**
         * Set the body as UTF-8 text.
         * @param text the body
         * @return this builder
         */
        public RequestBuilder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Send the body as a chunked upload: no {@code Content-Length}.
         * @return this builder
         */
        public RequestBuilder chunked() {
            this.chunked = true;
            return this;
        }

        /**
         * Put bytes behind the body, as a pipelined request would be: the application must not get them.
         * @param bytes the bytes that follow
         * @return this builder
         */
        public RequestBuilder followedBy(byte[] bytes) {
            this.following = bytes.clone();
            return this;
        }

        /**
         * Send over TLS: {@code wsgi.url_scheme} becomes {@code https}.
         * @return this builder
         */
        public RequestBuilder https() {
            this.scheme = "https";
            return this;
        }

        /**
         * Put an entry over the environ the server builds.
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public RequestBuilder environ(String key, Object value) {
            environ.put(key, value);
            return this;
        }

        /**
         * Send the request.
         * @return the response
         */
        public TestResponse send() {
            return TestClient.this.send(new TestRequest(method, target, scheme, headers, body, chunked, following,
                    environ));
        }
    }
}
