package dev.gatewayinterface.reactive;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Signal an application's failure that its adapter leaves to Spring's error handling as an error of the filter
 * chain, once the DispatcherHandler returned, so that WebFlux's {@code WebExceptionHandler}s (Spring Boot's
 * {@code ErrorWebExceptionHandler}) answer it as a controller's unhandled exception, while no
 * {@code @ControllerAdvice}, which the DispatcherHandler offers every handler's error, sees it (docs/SPEC.md §7).
 *
 * <p>Ordered last, so that every other filter sees the error as it sees a controller's. Without this filter in the
 * chain, the adapter signals the error from the handler itself.
 */
public final class ApplicationFailureWebFilter implements WebFilter, Ordered {

    /** Set while this filter is in the chain: the adapter leaves a failure to it instead of signalling it. */
    static final String PRESENT_ATTRIBUTE = ApplicationFailureWebFilter.class.getName() + ".present";

    /** Where the adapter leaves the failure of a request whose chain has this filter. */
    static final String FAILURE_ATTRIBUTE = ApplicationFailureWebFilter.class.getName() + ".failure";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(PRESENT_ATTRIBUTE, Boolean.TRUE);
        return chain.filter(exchange).then(Mono.defer(() -> {
            Object failure = exchange.getAttributes().remove(FAILURE_ATTRIBUTE);
            return failure instanceof Throwable failed ? Mono.error(failed) : Mono.empty();
        }));
    }

    /**
     * Leave a failure to this filter where it is in the chain, else signal it from the handler.
     * @param exchange the request's exchange
     * @param failure the application's failure, as Spring's error handling is to see it
     * @return what the handler returns
     */
    static Mono<Void> signal(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getAttributes().containsKey(PRESENT_ATTRIBUTE)) {
            exchange.getAttributes().put(FAILURE_ATTRIBUTE, failure);
            return Mono.empty();
        }
        return Mono.error(failure);
    }
}
