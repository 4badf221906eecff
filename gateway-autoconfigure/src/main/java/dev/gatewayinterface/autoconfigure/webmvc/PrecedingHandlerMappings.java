package dev.gatewayinterface.autoconfigure.webmvc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Tell whether a handler mapping that the DispatcherServlet asks before the gateway's (a controller, a router
 * function) takes a request, so that only requests the gateway's mapping would actually get are prepared for a
 * mounted application (docs/SPEC.md §10.3).
 *
 * <p>The mappings are asked with a request whose attribute changes stay private to the lookup, as Spring's own
 * {@code HandlerMappingIntrospector} does. A mapping that fails the lookup (a method or media type a controller
 * refuses) takes the request too: the DispatcherServlet would answer with that error, never reaching a mount.
 */
final class PrecedingHandlerMappings implements Predicate<HttpServletRequest> {

    private final ListableBeanFactory beans;

    private volatile List<HandlerMapping> mappings;

    PrecedingHandlerMappings(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public boolean test(HttpServletRequest request) {
        HttpServletRequest lookup = new PrivateAttributesRequest(request);
        ServletRequestPathUtils.parseAndCache(lookup);
        for (HandlerMapping mapping : mappings()) {
            try {
                if (mapping.getHandler(lookup) != null) {
                    return true;
                }
            }
            catch (Exception ex) {
                return true;
            }
        }
        return false;
    }

    private List<HandlerMapping> mappings() {
        if (mappings == null) {
            // Looked up on first use: the mappings are created after this filter's bean.
            List<HandlerMapping> all = new ArrayList<>(beans.getBeansOfType(HandlerMapping.class).values());
            AnnotationAwareOrderComparator.sort(all);
            mappings = all.stream().filter(PrecedingHandlerMappings::precedesGateway).toList();
        }
        return mappings;
    }

    private static boolean precedesGateway(HandlerMapping mapping) {
        return !(mapping instanceof GatewayHandlerMapping)
                && (!(mapping instanceof Ordered ordered) || ordered.getOrder() < GatewayHandlerMapping.ORDER);
    }

    /** Keep the attributes a lookup sets or removes to itself, reading the request's own otherwise. */
    private static final class PrivateAttributesRequest extends HttpServletRequestWrapper {

        private final Map<String, Object> set = new HashMap<>();

        private final Set<String> removed = new HashSet<>();

        PrivateAttributesRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            if (set.containsKey(name)) {
                return set.get(name);
            }
            return removed.contains(name) ? null : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
            names.removeAll(removed);
            names.addAll(set.keySet());
            return Collections.enumeration(names);
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                removeAttribute(name);
                return;
            }
            set.put(name, value);
            removed.remove(name);
        }

        @Override
        public void removeAttribute(String name) {
            set.remove(name);
            removed.add(name);
        }
    }
}
