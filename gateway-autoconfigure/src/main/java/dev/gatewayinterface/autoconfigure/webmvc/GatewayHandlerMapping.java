package dev.gatewayinterface.autoconfigure.webmvc;

import dev.gatewayinterface.mount.Mount;
import dev.gatewayinterface.mount.Mounts;
import dev.gatewayinterface.servlet.ServletGatewayAdapter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Route requests to mounted applications inside Spring MVC, so that they share the DispatcherServlet with
 * controllers, actuator and Spring Security (docs/SPEC.md §10).
 *
 * <p>Ordered after annotated controllers and router functions, before static resources: a controller's
 * mapping wins over an application mounted at a prefix of its path.
 */
final class GatewayHandlerMapping extends AbstractHandlerMapping {

    /** After RequestMappingHandlerMapping (0) and RouterFunctionMapping (3), before resource handling. */
    static final int ORDER = 100;

    private final Mounts mounts;

    private final Map<Mount, MountHandler> handlers = new IdentityHashMap<>();

    GatewayHandlerMapping(Mounts mounts) {
        this(mounts, "the container's read timeout");
    }

    GatewayHandlerMapping(Mounts mounts, String bodyTimeout) {
        this.mounts = mounts;
        for (Mount mount : mounts.all()) {
            handlers.put(mount, new MountHandler(new ServletGatewayAdapter(mount.gateway(), bodyTimeout)));
        }
        setOrder(ORDER);
    }

    /**
     * Pass a CORS preflight to the application, which answers CORS itself as it would under any WSGI server:
     * Spring would otherwise answer every preflight to a mount with an empty 200 of its own.
     */
    @Override
    protected HandlerExecutionChain getCorsHandlerExecutionChain(HttpServletRequest request, HandlerExecutionChain chain,
            CorsConfiguration config) {
        return config == null ? chain : super.getCorsHandlerExecutionChain(request, chain, config);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        RequestPath path = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request)
                : ServletRequestPathUtils.parseAndCache(request);
        Mounts.Match match = mounts.match(path.pathWithinApplication());
        if (match == null) {
            return null;
        }
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, match.mount().pattern());
        // Spring's http.server.requests takes its uri tag from the observation, not the attribute.
        ServerHttpObservationFilter.findObservationContext(request)
            .ifPresent(context -> context.setPathPattern(match.mount().pattern()));
        request.setAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, match.rawPathInfo());
        // Everything before the path within the application: the context path and a prefix servlet mapping.
        String rawPrefix = path.value().substring(0, path.value().length() - path.pathWithinApplication().value().length());
        request.setAttribute(MountHandler.SPLIT_ATTRIBUTE,
                new MountHandler.Split(rawPrefix + match.rawMountPath(), match.rawPathInfo()));
        return handlers.get(match.mount());
    }
}
