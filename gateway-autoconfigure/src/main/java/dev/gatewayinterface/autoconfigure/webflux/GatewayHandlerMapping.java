package dev.gatewayinterface.autoconfigure.webflux;

import dev.gatewayinterface.mount.Mount;
import dev.gatewayinterface.mount.Mounts;
import dev.gatewayinterface.reactive.ReactiveGatewayAdapter;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.cors.reactive.CorsUtils;
import reactor.core.publisher.Mono;

/**
 * Route requests to mounted applications inside WebFlux, so that they share the DispatcherHandler with
 * controllers, router functions, actuator and Spring Security (docs/SPEC.md §10, §12).
 *
 * <p>Ordered after annotated controllers and router functions, before static resources: a controller's
 * mapping wins over an application mounted at a prefix of its path.
 */
final class GatewayHandlerMapping extends AbstractHandlerMapping {

    /** After RouterFunctionMapping (-1) and RequestMappingHandlerMapping (0), before resource handling. */
    static final int ORDER = 100;

    private final Mounts mounts;

    private final Map<Mount, Route> routes = new IdentityHashMap<>();

    GatewayHandlerMapping(Mounts mounts, Function<Mount, ReactiveGatewayAdapter> adapters) {
        this.mounts = mounts;
        for (Mount mount : mounts.all()) {
            routes.put(mount, new Route(adapters.apply(mount), PathPatternParser.defaultInstance.parse(mount.pattern())));
        }
        setOrder(ORDER);
    }

    /**
     * Pass a CORS preflight to the application, which answers CORS itself as it would under any WSGI server.
     * WebFlux's DispatcherHandler only looks a preflight's handler up and never invokes it, answering an empty
     * 200 of its own, so the application is served here, during the lookup that routing order reached.
     */
    @Override
    public Mono<Object> getHandler(ServerWebExchange exchange) {
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return getHandlerInternal(exchange)
                .flatMap(handler -> ((WebHandler) handler).handle(exchange).thenReturn(handler));
        }
        return super.getHandler(exchange);
    }

    @Override
    protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
        RequestPath path = exchange.getRequest().getPath();
        Mounts.Match match = mounts.match(path.pathWithinApplication());
        if (match == null) {
            return Mono.empty();
        }
        Route route = routes.get(match.mount());
        Map<String, Object> attributes = exchange.getAttributes();
        attributes.put(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, route.pattern());
        attributes.put(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, PathContainer.parsePath(match.rawPathInfo()));
        ServerRequestObservationContext.findCurrent(attributes)
            .ifPresent(context -> context.setPathPattern(route.pattern().getPatternString()));
        String rawScriptName = path.contextPath().value() + match.rawMountPath();
        WebHandler handler = served -> route.adapter().handle(served, rawScriptName, match.rawPathInfo());
        return Mono.just(handler);
    }

    /** Carry what serves one mount: its adapter and the pattern that describes it to metrics. */
    private record Route(ReactiveGatewayAdapter adapter, PathPattern pattern) {
    }
}
