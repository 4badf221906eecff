package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.engine.TrustedProxies;
import dev.gatewayinterface.engine.UnderscoreHeaders;
import dev.gatewayinterface.mount.MountPaths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configure how {@code Application} beans are mounted and what their environ holds.
 */
@ConfigurationProperties("gateway")
public class GatewayProperties {

    /**
     * Settings of each mounted application, keyed by the name of its Application bean.
     */
    private final Map<String, App> apps = new LinkedHashMap<>();

    /**
     * Name/value pairs added to every environ. The request's own keys take precedence.
     */
    private final Map<String, String> environ = new LinkedHashMap<>();

    /**
     * Whether to run every mounted application inside the contract validator, which checks both sides of
     * the contract at each request and fails a request that breaks it. Meant for development and tests.
     */
    private boolean validate;

    /**
     * How to answer an application's failure before its response started: "plain", a short text 500 that reveals
     * nothing, or "spring", Spring Boot's error handling, which answers as for a controller's unhandled exception
     * (its JSON error body, or the whitelabel page for browsers), without @ControllerAdvice.
     */
    private ErrorHandling errors = ErrorHandling.PLAIN;

    /**
     * Whether to fail startup on a key under gateway.* that no setting reads, such as a misspelt one.
     */
    private boolean failOnUnknownProperties = true;

    private final Headers headers = new Headers();

    private final Paths paths = new Paths();

    private final Proxy proxy = new Proxy();

    private final Limits limits = new Limits();

    private final Timeouts timeouts = new Timeouts();

    private final Guard guard = new Guard();

    private final Servlet servlet = new Servlet();

    private final Reactive reactive = new Reactive();

    private final Uwsgi uwsgi = new Uwsgi();

    public Map<String, App> getApps() {
        return apps;
    }

    public Map<String, String> getEnviron() {
        return environ;
    }

    public boolean isValidate() {
        return validate;
    }

    public void setValidate(boolean validate) {
        this.validate = validate;
    }

    public ErrorHandling getErrors() {
        return errors;
    }

    public void setErrors(ErrorHandling errors) {
        this.errors = errors;
    }

    /**
     * Return how the named application's failures before its response are answered: its own setting, else
     * {@code gateway.errors}.
     * @param application the application's name
     * @return the error handling
     */
    public ErrorHandling errorsOf(String application) {
        App app = apps.get(application);
        return app != null && app.getErrors() != null ? app.getErrors() : errors;
    }

    public boolean isFailOnUnknownProperties() {
        return failOnUnknownProperties;
    }

    public void setFailOnUnknownProperties(boolean failOnUnknownProperties) {
        this.failOnUnknownProperties = failOnUnknownProperties;
    }

    public Headers getHeaders() {
        return headers;
    }

    public Paths getPaths() {
        return paths;
    }

    public Proxy getProxy() {
        return proxy;
    }

    public Limits getLimits() {
        return limits;
    }

    public Timeouts getTimeouts() {
        return timeouts;
    }

    public Guard getGuard() {
        return guard;
    }

    public Servlet getServlet() {
        return servlet;
    }

    public Reactive getReactive() {
        return reactive;
    }

    public Uwsgi getUwsgi() {
        return uwsgi;
    }

    /**
     * Settings of one mounted application.
     */
    public static class App {

        /**
         * Whether to mount this application.
         */
        private boolean enabled = true;

        /**
         * Path the application is mounted at: its SCRIPT_NAME below the context and servlet paths.
         * Literal segments only. Defaults to "/" when a single application is mounted.
         */
        private String path;

        /**
         * Whether to run this application inside the contract validator; unset, gateway.validate decides.
         */
        private Boolean validate;

        /**
         * Names of the GatewayMiddleware beans to wrap this application in, outermost first; unset, every
         * GatewayMiddleware bean, lowest @Order outermost; empty, none.
         */
        private List<String> middleware;

        /**
         * How to answer this application's failure before its response started, "plain" or "spring"; unset,
         * gateway.errors decides.
         */
        private ErrorHandling errors;

        public ErrorHandling getErrors() {
            return errors;
        }

        public void setErrors(ErrorHandling errors) {
            this.errors = errors;
        }

        private final AppLimits limits = new AppLimits();

        public AppLimits getLimits() {
            return limits;
        }

        public List<String> getMiddleware() {
            return middleware;
        }

        public void setMiddleware(List<String> middleware) {
            for (String name : middleware) {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException(
                            "gateway.apps.<name>.middleware lists GatewayMiddleware bean names, not \"" + name + "\"");
                }
            }
            this.middleware = List.copyOf(middleware);
        }

        public Boolean getValidate() {
            return validate;
        }

        public void setValidate(Boolean validate) {
            this.validate = validate;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = MountPaths.normalize(path);
        }
    }

    /**
     * Limits of one mounted application.
     */
    public static class AppLimits {

        /**
         * Most bytes of a request body this application takes; unset, gateway.limits.max-request-body applies.
         */
        private DataSize maxRequestBody;

        public DataSize getMaxRequestBody() {
            return maxRequestBody;
        }

        public void setMaxRequestBody(DataSize maxRequestBody) {
            this.maxRequestBody = Limits.checkBody("gateway.apps.<name>.limits.max-request-body", maxRequestBody);
        }
    }

    /**
     * Sizes a request may reach before it is refused (docs/SPEC.md §14).
     */
    public static class Limits {

        /**
         * Most bytes of a request line (method, target and version); longer ones are answered 414. A chunk-size line,
         * extensions included, is held to it too (400).
         */
        private DataSize maxRequestLine = DataSize.ofKilobytes(8);

        /**
         * Most bytes of a request's header lines together; more are answered 431. Unset, the value of
         * server.max-http-request-header-size (8KB).
         */
        private DataSize maxHeaderSize;

        /**
         * Most header lines of a request; more are answered 431.
         */
        private int maxHeaderCount = 100;

        /**
         * Most bytes of a request body a mounted application takes, -1 for no limit: a longer declared body is
         * answered 413 before the application reads, a longer chunked one fails wsgi.input once it grows past it.
         */
        private DataSize maxRequestBody = DataSize.ofMegabytes(10);

        public DataSize getMaxRequestLine() {
            return maxRequestLine;
        }

        public void setMaxRequestLine(DataSize maxRequestLine) {
            this.maxRequestLine = checkHead("gateway.limits.max-request-line", maxRequestLine);
        }

        public DataSize getMaxHeaderSize() {
            return maxHeaderSize;
        }

        public void setMaxHeaderSize(DataSize maxHeaderSize) {
            this.maxHeaderSize = checkHead("gateway.limits.max-header-size", maxHeaderSize);
        }

        public int getMaxHeaderCount() {
            return maxHeaderCount;
        }

        public void setMaxHeaderCount(int maxHeaderCount) {
            if (maxHeaderCount < 1 || maxHeaderCount > 10_000) {
                throw new IllegalArgumentException(
                        "gateway.limits.max-header-count must be between 1 and 10000, not " + maxHeaderCount);
            }
            this.maxHeaderCount = maxHeaderCount;
        }

        public DataSize getMaxRequestBody() {
            return maxRequestBody;
        }

        public void setMaxRequestBody(DataSize maxRequestBody) {
            this.maxRequestBody = checkBody("gateway.limits.max-request-body", maxRequestBody);
        }

        private static DataSize checkHead(String property, DataSize size) {
            if (size == null || size.toBytes() < 256 || size.toBytes() > 1024 * 1024) {
                throw new IllegalArgumentException(property + " must be between 256B and 1MB, not " + size);
            }
            return size;
        }

        static DataSize checkBody(String property, DataSize size) {
            if (size == null || size.toBytes() < -1) {
                throw new IllegalArgumentException(property + " must be a size, or -1 for no limit, not " + size);
            }
            return size;
        }
    }

    /**
     * How long a client may take to send a request (docs/SPEC.md §14).
     */
    public static class Timeouts {

        /**
         * Longest time from a request's first byte to the end of its header lines; a client slower than that, as
         * one that dribbles its headers, has its connection closed.
         */
        private Duration requestHeader = Duration.ofSeconds(20);

        /**
         * Longest time an application waits for the next bytes of a request body; then wsgi.input fails with an
         * IOException naming this timeout, and the request is answered 408 unless the application answered.
         */
        private Duration requestBody = Duration.ofSeconds(60);

        /**
         * Longest time an idle connection waits for its next request before it is closed. Unset, 60s, or what
         * server.tomcat.keep-alive-timeout or server.netty.idle-timeout says when set.
         */
        private Duration keepAlive;

        /**
         * Fewest request body bytes a second a client must average, counted while the application waits for them,
         * once it waited gateway.timeouts.request-body in all; a slower client, as one that dribbles its body, fails
         * wsgi.input as a stalled one does. 0 for no minimum.
         */
        private DataSize minBodyRate = DataSize.ofBytes(240);

        public Duration getRequestHeader() {
            return requestHeader;
        }

        public void setRequestHeader(Duration requestHeader) {
            this.requestHeader = positive("gateway.timeouts.request-header", requestHeader);
        }

        public Duration getRequestBody() {
            return requestBody;
        }

        public void setRequestBody(Duration requestBody) {
            this.requestBody = positive("gateway.timeouts.request-body", requestBody);
        }

        public Duration getKeepAlive() {
            return keepAlive;
        }

        public DataSize getMinBodyRate() {
            return minBodyRate;
        }

        public void setMinBodyRate(DataSize minBodyRate) {
            if (minBodyRate == null || minBodyRate.toBytes() < 0) {
                throw new IllegalArgumentException(
                        "gateway.timeouts.min-body-rate must be 0 or more bytes a second, not " + minBodyRate);
            }
            this.minBodyRate = minBodyRate;
        }

        public void setKeepAlive(Duration keepAlive) {
            this.keepAlive = positive("gateway.timeouts.keep-alive", keepAlive);
        }

        private static Duration positive(String property, Duration duration) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(property + " must be longer than 0s, not " + duration);
            }
            return duration;
        }
    }

    /**
     * Settings of the server guard, which holds every request of the server to the rules of docs/SPEC.md §14.
     */
    public static class Guard {

        /**
         * Whether to apply gateway.limits and gateway.timeouts to the whole server, every request alike, mounted
         * or not: configures Tomcat's connector or Reactor Netty's request decoder, and adds a Tomcat valve or a
         * Reactor Netty pipeline handler. Off, the server keeps its own settings and only requests to mounts are
         * checked.
         */
        private boolean enabled = true;

        /**
         * Whether Reactor Netty reads the bytes that its decoder and Tomcat's read differently as Tomcat does, so
         * that both stacks answer them alike (RFC 9112 allows either): a bare LF ending a line of the head, and
         * Content-Length beside Transfer-Encoding chunked (chunked framing, the connection closed after the
         * response), which it reads, and the chunk-size lines Tomcat refuses (whitespace around the size, a ';'
         * naming no chunk extension), which it refuses too. Replaces the HTTP/1.1 codec of each connection with one built from the same decoder settings.
         * Off, Netty's decoder answers the first two 400 and reads the others. Ignored when the JVM sets Netty's own
         * io.netty.handler.codec.http.defaultStrictLineParsing or rfc9112TransferEncoding system property.
         */
        private boolean alignDecoder = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isAlignDecoder() {
            return alignDecoder;
        }

        public void setAlignDecoder(boolean alignDecoder) {
            this.alignDecoder = alignDecoder;
        }
    }

    /**
     * Settings for request paths.
     */
    public static class Paths {

        /**
         * Whether to answer 400 to a request under a mount whose path holds dot segments or path parameters, plain
         * or percent-encoded, which the container routes on after normalising them away while the mount sees them.
         */
        private boolean strict = true;

        public boolean isStrict() {
            return strict;
        }

        public void setStrict(boolean strict) {
            this.strict = strict;
        }
    }

    /**
     * Settings for requests that reach the server through proxies (docs/SPEC.md §16).
     */
    public static class Proxy {

        /**
         * Addresses and CIDR blocks of the proxies whose X-Forwarded-* and Forwarded headers, and whose uwsgi vars,
         * describe the client's request, such as 10.0.0.0/8. Empty, the default, trusts nobody: the environ describes
         * the connection.
         */
        private List<String> trusted = List.of();

        private TrustedProxies trustedProxies = TrustedProxies.NONE;

        public List<String> getTrusted() {
            return trusted;
        }

        public void setTrusted(List<String> trusted) {
            try {
                this.trustedProxies = TrustedProxies.of(trusted);
            }
            catch (IllegalArgumentException ex) {
                // Rethrown with the property's name in front; the entry's own message says the rest.
                throw new IllegalArgumentException("gateway.proxy.trusted: " + ex.getMessage());
            }
            this.trusted = List.copyOf(trusted);
        }

        /**
         * Return the trusted proxies, parsed.
         * @return the proxies to believe
         */
        public TrustedProxies trustedProxies() {
            return trustedProxies;
        }
    }

    /**
     * Settings for request headers.
     */
    public static class Headers {

        /**
         * What to do with request headers whose names contain an underscore, which would collide with
         * dashed names in the environ: drop them, or keep them.
         */
        private UnderscoreHeaders underscores = UnderscoreHeaders.DROP;

        public UnderscoreHeaders getUnderscores() {
            return underscores;
        }

        public void setUnderscores(UnderscoreHeaders underscores) {
            this.underscores = underscores;
        }
    }

    /**
     * Settings of the Spring MVC binding.
     */
    public static class Servlet {

        /**
         * Most bytes of a request body recorded for the mounted application when a filter reads the body
         * (or asks for form parameters) before the application does.
         */
        private DataSize bodyReplayLimit = DataSize.ofMegabytes(2);

        /**
         * Whether to send a mounted application's Content-Type byte for byte on Tomcat, which otherwise
         * re-serialises a value that names a charset. Adds a valve to Tomcat's engine that only affects
         * responses of mounted applications.
         */
        private boolean exactContentType = true;

        /**
         * Whether to make Spring MVC's multipart resolution lazy for the whole application, so that a
         * multipart body bound for a mounted application is not parsed before its handler is known.
         */
        private boolean lazyMultipart = true;

        /**
         * How Tomcat treats an encoded slash (%2F) in any request path of the application: "reject" answers 400,
         * "passthrough" keeps it encoded in the decoded path, so that it reaches a mounted application's
         * PATH_INFO decoded. Unset leaves Tomcat's own setting, which rejects it.
         */
        private EncodedSlash encodedSlash;

        public boolean isExactContentType() {
            return exactContentType;
        }

        public void setExactContentType(boolean exactContentType) {
            this.exactContentType = exactContentType;
        }

        public EncodedSlash getEncodedSlash() {
            return encodedSlash;
        }

        public void setEncodedSlash(EncodedSlash encodedSlash) {
            this.encodedSlash = encodedSlash;
        }

        public boolean isLazyMultipart() {
            return lazyMultipart;
        }

        public void setLazyMultipart(boolean lazyMultipart) {
            this.lazyMultipart = lazyMultipart;
        }

        public DataSize getBodyReplayLimit() {
            return bodyReplayLimit;
        }

        public void setBodyReplayLimit(DataSize bodyReplayLimit) {
            if (bodyReplayLimit == null || bodyReplayLimit.toBytes() < 0
                    || bodyReplayLimit.toBytes() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(
                        "gateway.servlet.body-replay-limit must be between 0 and 2GB, not " + bodyReplayLimit);
            }
            this.bodyReplayLimit = bodyReplayLimit;
        }
    }

    /**
     * Who answers an application's failure before its response started (docs/SPEC.md §7).
     */
    public enum ErrorHandling {

        /** The gateway: a short text 500 that reveals nothing of the failure. */
        PLAIN,

        /** Spring Boot's error handling, as for a controller's unhandled exception. */
        SPRING
    }

    /**
     * What Tomcat does with an encoded slash in a request path.
     */
    public enum EncodedSlash {

        /** Answer 400, Tomcat's default. */
        REJECT,

        /** Keep {@code %2F} encoded in the decoded path; the mount decodes it in PATH_INFO. */
        PASSTHROUGH
    }

    /**
     * Settings of the WebFlux binding, which runs applications on threads of their own, off the event loop.
     */
    public static class Reactive extends ApplicationThreads {

        /**
         * Whether to publish the application's readiness as refusing traffic while the executor refuses
         * requests, and as accepting it again once it has refused none for max(retry-after, 10s). This changes
         * the readiness of the whole application.
         */
        private boolean publishReadiness = true;

        public Reactive() {
            super("gateway.reactive");
        }

        public boolean isPublishReadiness() {
            return publishReadiness;
        }

        public void setPublishReadiness(boolean publishReadiness) {
            this.publishReadiness = publishReadiness;
        }

        /**
         * Return how long after a refused request the executor still counts as refusing: the retry delay, and no
         * less than a health check's usual period, so that readiness does not flap.
         * @return the hold time
         */
        public Duration refusingHold() {
            Duration minimum = Duration.ofSeconds(10);
            return getRetryAfter().compareTo(minimum) > 0 ? getRetryAfter() : minimum;
        }
    }

    /**
     * Settings of a binding that runs applications on threads of its own, off a server's event loops: how many,
     * how many requests may wait, and how long a thread waits for the client.
     */
    public abstract static class ApplicationThreads {

        private final String prefix;

        /**
         * Maximum number of applications running at once, each on a thread of its own: the size of the thread
         * pool, or the number of virtual threads when spring.threads.virtual.enabled is set on JDK 21 or later.
         */
        private int maxThreads = 200;

        /**
         * Maximum number of requests waiting for a thread of the pool; requests beyond it are answered 503.
         * Unused with virtual threads, which never wait for one another.
         */
        private int queueCapacity = 100;

        /**
         * How long a 503 answer asks clients to wait before they retry, sent as Retry-After in whole seconds.
         */
        private Duration retryAfter = Duration.ofSeconds(1);

        /**
         * Maximum time an application's thread waits for the client to take more of the response; past it the
         * request ends as if the client went away. Waits for request body bytes are gateway.timeouts.request-body.
         */
        private Duration clientTimeout = Duration.ofSeconds(60);

        /**
         * Create the settings of one binding.
         * @param prefix the binding's properties prefix, which error messages name
         */
        protected ApplicationThreads(String prefix) {
            this.prefix = prefix;
        }

        public int getMaxThreads() {
            return maxThreads;
        }

        public void setMaxThreads(int maxThreads) {
            if (maxThreads < 1) {
                throw new IllegalArgumentException(prefix + ".max-threads must be at least 1, not " + maxThreads);
            }
            this.maxThreads = maxThreads;
        }

        public int getQueueCapacity() {
            return queueCapacity;
        }

        public void setQueueCapacity(int queueCapacity) {
            if (queueCapacity < 0) {
                throw new IllegalArgumentException(prefix + ".queue-capacity must be at least 0, not " + queueCapacity);
            }
            this.queueCapacity = queueCapacity;
        }

        public Duration getRetryAfter() {
            return retryAfter;
        }

        public void setRetryAfter(Duration retryAfter) {
            if (retryAfter == null || retryAfter.isNegative()) {
                throw new IllegalArgumentException(prefix + ".retry-after must be at least 0s, not " + retryAfter);
            }
            this.retryAfter = retryAfter;
        }

        public Duration getClientTimeout() {
            return clientTimeout;
        }

        public void setClientTimeout(Duration clientTimeout) {
            if (clientTimeout == null || clientTimeout.isNegative() || clientTimeout.isZero()) {
                throw new IllegalArgumentException(prefix + ".client-timeout must be longer than 0s, not "
                        + clientTimeout);
            }
            this.clientTimeout = clientTimeout;
        }
    }

    /**
     * Settings of the uwsgi listener, which serves the mounted applications over the uwsgi protocol to a proxy such
     * as nginx's uwsgi_pass, on a port of its own beside the web server.
     */
    public static class Uwsgi extends ApplicationThreads {

        /**
         * Whether to serve the mounted applications over the uwsgi protocol too. Needs Reactor Netty
         * (io.projectreactor.netty:reactor-netty-core), which WebFlux brings and a Spring MVC application adds.
         */
        private boolean enabled;

        /**
         * Address the uwsgi listener binds to. Whoever reaches it states the client's address and scheme, so keep it
         * on the loopback address or a network only the proxy reaches.
         */
        private String address = "127.0.0.1";

        /**
         * Port the uwsgi listener binds to; 0 picks a free one.
         */
        private int port = 3031;

        /**
         * Largest vars block of a uwsgi packet (the request line and headers, as uWSGI's buffer-size), at most 64KB.
         */
        private DataSize bufferSize = DataSize.ofKilobytes(8);

        /**
         * Largest request body accepted over uwsgi (as uWSGI's limit-post); larger bodies are answered 413. -1, the
         * default, sets no limit.
         */
        private DataSize maxBodySize = DataSize.ofBytes(-1);

        /**
         * Maximum time from accepting a uwsgi connection to having its packet's header and vars; a slower peer's
         * connection is closed.
         */
        private Duration requestTimeout = Duration.ofSeconds(10);

        public Uwsgi() {
            super("gateway.uwsgi");
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            if (address == null || address.isBlank()) {
                throw new IllegalArgumentException("gateway.uwsgi.address must be an address to bind to, not \""
                        + address + "\"");
            }
            this.address = address.strip();
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("gateway.uwsgi.port must be between 0 and 65535, not " + port);
            }
            this.port = port;
        }

        public DataSize getBufferSize() {
            return bufferSize;
        }

        public void setBufferSize(DataSize bufferSize) {
            if (bufferSize == null || bufferSize.toBytes() < 4 || bufferSize.toBytes() > 65535) {
                throw new IllegalArgumentException(
                        "gateway.uwsgi.buffer-size must be between 4B and 65535B (a 16-bit size), not " + bufferSize);
            }
            this.bufferSize = bufferSize;
        }

        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(DataSize maxBodySize) {
            if (maxBodySize == null || maxBodySize.toBytes() < -1) {
                throw new IllegalArgumentException(
                        "gateway.uwsgi.max-body-size must be -1 (no limit) or at least 0B, not " + maxBodySize);
            }
            this.maxBodySize = maxBodySize;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "gateway.uwsgi.request-timeout");
        }

        private static Duration positive(Duration duration, String property) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(property + " must be longer than 0s, not " + duration);
            }
            return duration;
        }
    }
}
