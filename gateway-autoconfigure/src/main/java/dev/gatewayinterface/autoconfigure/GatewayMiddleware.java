package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.Application;

/**
 * Wrap mounted applications in middleware, declared as a bean (docs/MIDDLEWARE.md). Every mount gets every
 * {@code GatewayMiddleware} bean, in {@code @Order} (the lowest first, outermost), unless
 * {@code gateway.apps.<name>.middleware} names the beans a mount gets instead, outermost first; an empty list gives
 * it none. The contract validator, when on, wraps the whole stack.
 *
 * <pre>{@code
 * @Bean
 * @Order(1)
 * GatewayMiddleware errorPages() {
 *     return ErrorCatcher::new;
 * }
 * }</pre>
 */
@FunctionalInterface
public interface GatewayMiddleware {

    /**
     * Wrap one mounted application; called once per mount, at startup.
     * @param application the application, or the middleware below this one
     * @return the middleware around it, never {@code null}
     */
    Application wrap(Application application);
}
