package dev.gatewayinterface.reactive;

import dev.gatewayinterface.engine.AuthTypes;
import dev.gatewayinterface.engine.Gateway;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.ContextView;

/**
 * Serve an application on WebFlux: run one request through the {@link Gateway} lifecycle on a thread of the
 * given executor, never on the event loop, and bridge its blocking input and output to the reactive request
 * and response with backpressure (docs/SPEC.md §12, docs/REACTIVE.md).
 *
 * <p>The request body is a stream fed from the body publisher a few buffers ahead of the application's reads.
 * On Reactor Netty, each response chunk is written and flushed before the application's thread may produce the
 * next, files go out as file regions, and an aborted response closes the connection. On any other server the
 * response is written through {@link ServerHttpResponse#writeWith}, one chunk per unit of demand. When the
 * executor refuses the request, the answer is 503 with {@code Retry-After}.
 *
 * <p>An application's failure before its response started is answered with the engine's plain 500, or, with
 * Spring errors, signalled to WebFlux's {@code WebExceptionHandler}s (Spring Boot's
 * {@code ErrorWebExceptionHandler}), within an {@link ApplicationFailedException} where Spring would otherwise answer
 * it with another status than 500: by the {@link ApplicationFailureWebFilter} where it is in the
 * chain, outside the DispatcherHandler and so past every {@code @ControllerAdvice}, else by the handler itself.
 */
public final class ReactiveGatewayAdapter {

    /** The environ key of the {@code ServerWebExchange}. */
    public static final String SERVER_EXCHANGE = "gateway.server_exchange";

    private static final Logger logger = LoggerFactory.getLogger(ReactiveGatewayAdapter.class);

    private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent(
            "reactor.netty.http.server.HttpServerResponse", ReactiveGatewayAdapter.class.getClassLoader());

    private static final byte[] UNAVAILABLE_BODY = "503 Service Unavailable\n".getBytes(StandardCharsets.US_ASCII);

    private final Gateway gateway;

    private final Executor executor;

    private final String retryAfterSeconds;

    private final Duration clientTimeout;

    private final Duration bodyTimeout;

    private final boolean springErrors;

    private final BufferedBytes buffered = new BufferedBytes();

    /**
     * Create an adapter that asks clients to retry a refused request after a second and waits up to a minute
     * for a slow client.
     * @param gateway the lifecycle serving the application
     * @param executor runs each request's application; when it refuses one, the client gets 503
     */
    public ReactiveGatewayAdapter(Gateway gateway, Executor executor) {
        this(gateway, executor, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /**
     * Create an adapter whose applications wait as long for request body bytes as for the client to take the
     * response.
     * @param gateway the lifecycle serving the application
     * @param executor runs each request's application; when it refuses one, the client gets 503
     * @param retryAfter how long a 503 answer asks the client to wait, rounded up to whole seconds
     * @param clientTimeout how long an application's thread waits for the client to send or take bytes
     */
    public ReactiveGatewayAdapter(Gateway gateway, Executor executor, Duration retryAfter, Duration clientTimeout) {
        this(gateway, executor, retryAfter, clientTimeout, clientTimeout, false);
    }

    /**
     * Create an adapter.
     * @param gateway the lifecycle serving the application
     * @param executor runs each request's application; when it refuses one, the client gets 503
     * @param retryAfter how long a 503 answer asks the client to wait, rounded up to whole seconds
     * @param clientTimeout how long an application's thread waits for the client to take response bytes
     * @param bodyTimeout how long an application's thread waits for the next request body bytes; then
     *     {@code wsgi.input} fails, naming {@code gateway.timeouts.request-body} (docs/SPEC.md §14)
     * @param springErrors whether to leave the application's failures before its response to Spring's error
     *     handling rather than answer the engine's plain 500
     */
    public ReactiveGatewayAdapter(Gateway gateway, Executor executor, Duration retryAfter, Duration clientTimeout,
            Duration bodyTimeout, boolean springErrors) {
        this.gateway = Objects.requireNonNull(gateway, "gateway must not be null");
        this.executor = Objects.requireNonNull(executor, "executor must not be null");
        Objects.requireNonNull(retryAfter, "retryAfter must not be null");
        this.retryAfterSeconds = Long.toString(retryAfter.plusNanos(999_999_999).getSeconds());
        this.clientTimeout = Objects.requireNonNull(clientTimeout, "clientTimeout must not be null");
        this.bodyTimeout = Objects.requireNonNull(bodyTimeout, "bodyTimeout must not be null");
        this.springErrors = springErrors;
    }

    /**
     * Serve one request.
     * @param exchange the WebFlux exchange
     * @param rawScriptName the raw, percent-encoded path up to and including the mount
     * @param rawPathInfo the raw, percent-encoded rest of the path
     * @return completes when the response was sent or aborted
     */
    public Mono<Void> handle(ServerWebExchange exchange, String rawScriptName, String rawPathInfo) {
        // The principal may come from a reactive security context: resolve it here, not on the application's thread.
        return exchange.getPrincipal()
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .flatMap(user -> Mono.deferContextual(
                    context -> serve(exchange, rawScriptName, rawPathInfo, user.orElse(null), context)));
    }

    /**
     * Return how many body bytes this adapter holds for requests in progress, in both directions, for a gauge.
     * @return the bytes held right now
     */
    public long bufferedBytes() {
        return buffered.current();
    }

    /** Return the counter of held body bytes, whose peak the tests check. */
    BufferedBytes buffered() {
        return buffered;
    }

    private Mono<Void> serve(ServerWebExchange exchange, String rawScriptName, String rawPathInfo, Principal user,
            ContextView context) {
        Sinks.Empty<Void> done = Sinks.empty();
        RequestBodyStream body = new RequestBodyStream(exchange.getRequest().getBody(),
                exchange.getRequest().getHeaders().getContentLength(), buffered, bodyTimeout);
        ResponseOutput output = output(exchange.getResponse(), context, done,
                HttpMethod.HEAD.equals(exchange.getRequest().getMethod()));
        String authType = AuthTypes.of(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION), user);
        ReactiveExchange request = new ReactiveExchange(exchange, protocol(exchange), rawScriptName, rawPathInfo,
                user != null ? user.getName() : null, authType, body, output, gateway.options().name(), springErrors);
        return Mono.<Void>create(handler -> {
            // Listen for the end before the application starts: it may end, and the client close, before this
            // thread goes on, and a handler that hears of the end only after the close is recorded as cancelled.
            Disposable listening = done.asMono().subscribe(null, handler::error, handler::success);
            handler.onCancel(() -> {
                listening.dispose();
                output.cancelled();
            });
            try {
                executor.execute(() -> {
                    Runnable closeScope = ServerObservationScope.open(context);
                    try {
                        gateway.handle(request);
                    }
                    finally {
                        closeScope.run();
                        request.end();
                    }
                });
            }
            catch (RejectedExecutionException ex) {
                listening.dispose();
                handler.error(ex);
            }
        }).onErrorResume(RejectedExecutionException.class, ex -> {
            logger.debug("No thread free for application '{}'; answering 503", gateway.options().name(), ex);
            return unavailable(exchange.getResponse());
        }).onErrorResume(ReactiveExchange.HandedOver.class,
                handedOver -> ApplicationFailureWebFilter.signal(exchange, handedOver.getCause()));
    }

    private ResponseOutput output(ServerHttpResponse response, ContextView context, Sinks.Empty<Void> done,
            boolean head) {
        ResponseOutput netty = REACTOR_NETTY_PRESENT
                ? NettyResponseOutput.of(response, context, buffered, clientTimeout, done, head) : null;
        return netty != null ? netty : new StreamingResponseOutput(response, context, clientTimeout, done);
    }

    private static String protocol(ServerWebExchange exchange) {
        String netty = REACTOR_NETTY_PRESENT ? NettyResponseOutput.protocol(exchange.getRequest()) : null;
        // A request that has no native one (a mock) says nothing of its protocol: assume the usual one.
        return netty != null ? netty : "HTTP/1.1";
    }

    private Mono<Void> unavailable(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        HttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        headers.set(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8");
        headers.setContentLength(UNAVAILABLE_BODY.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(UNAVAILABLE_BODY)));
    }
}
