package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.Application;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Choose and apply the {@link GatewayMiddleware} beans of each mount: all of them in {@code @Order}, or those
 * {@code gateway.apps.<name>.middleware} names, outermost first.
 */
final class MountMiddleware {

    private final Map<String, GatewayMiddleware> beans;

    /**
     * Hold the middleware beans.
     * @param beans the beans by name, in {@code @Order}
     */
    MountMiddleware(Map<String, GatewayMiddleware> beans) {
        this.beans = beans;
    }

    /** Find the middleware beans, keeping the names of the beans the provider gives in {@code @Order}. */
    static MountMiddleware of(ListableBeanFactory beanFactory, ObjectProvider<GatewayMiddleware> ordered) {
        Map<String, GatewayMiddleware> byName = beanFactory.getBeansOfType(GatewayMiddleware.class);
        Map<String, GatewayMiddleware> beans = new LinkedHashMap<>();
        ordered.orderedStream().forEach(bean -> byName.forEach((name, candidate) -> {
            if (candidate == bean) {
                beans.put(name, bean);
            }
        }));
        return new MountMiddleware(beans);
    }

    /**
     * Wrap a mount's application in its middleware.
     * @throws InvalidMountsException if the mount names a bean that does not exist, or a bean returns null
     */
    Application wrap(String mount, List<String> named, Application application) {
        Map<String, GatewayMiddleware> layers = new LinkedHashMap<>();
        if (named == null) {
            layers.putAll(beans);
        }
        for (String name : named == null ? List.<String>of() : named) {
            GatewayMiddleware layer = beans.get(name);
            if (layer == null) {
                throw new InvalidMountsException("gateway.apps." + mount + ".middleware names '" + name
                        + "', which is no GatewayMiddleware bean; the GatewayMiddleware beans are " + beans.keySet(),
                        "Use the bean name of a GatewayMiddleware bean, or remove it from the list.");
            }
            layers.put(name, layer);
        }
        List<String> names = List.copyOf(layers.keySet());
        Application wrapped = application;
        for (int i = names.size() - 1; i >= 0; i--) {
            wrapped = layers.get(names.get(i)).wrap(wrapped);
            if (wrapped == null) {
                throw new InvalidMountsException("The GatewayMiddleware bean '" + names.get(i) + "' returned null for "
                        + "the application '" + mount + "'", "Return the middleware that wraps the given application.");
            }
        }
        return wrapped;
    }
}
