package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.mount.Mounts;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.server.PathContainer;
import org.springframework.util.ClassUtils;

/**
 * Mount every {@link Application} bean and {@link MountDefinition} of a web application, as
 * {@code gateway.apps.*} says, inside the {@link GatewayMiddleware} beans.
 * The stack-specific configurations serve the resulting {@link Mounts}.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass({ Application.class, PathContainer.class })
@EnableConfigurationProperties(GatewayProperties.class)
public final class GatewayAutoConfiguration {

    /** Spring Boot's default {@code spring.lifecycle.timeout-per-shutdown-phase}. */
    private static final Duration DEFAULT_SHUTDOWN_PHASE_TIMEOUT = Duration.ofSeconds(30);

    /** The module that reads gateway.python.*, and checks those keys itself. */
    private static final String PYTHON_PROPERTIES = "dev.gatewayinterface.python.autoconfigure.GatewayPythonProperties";

    /**
     * Fail startup on a gateway.* key that no setting reads, naming the nearest one that does, unless
     * gateway.fail-on-unknown-properties is false.
     */
    @Bean
    UnknownProperties gatewayUnknownProperties(Environment environment, GatewayProperties properties) {
        boolean python = ClassUtils.isPresent(PYTHON_PROPERTIES, GatewayAutoConfiguration.class.getClassLoader());
        UnknownProperties check = new UnknownProperties("gateway", GatewayProperties.class, python ? Map.of()
                : Map.of("gateway.python", "gateway.python.* configures Python applications, which need "
                        + "gateway-python on the class path."));
        if (python) {
            // Checked here, not by gateway-python, whose configuration backs off on a misspelt gateway.python.apps.
            check.and("gateway.python", ClassUtils.resolveClassName(PYTHON_PROPERTIES,
                    GatewayAutoConfiguration.class.getClassLoader()));
        }
        if (properties.isFailOnUnknownProperties()) {
            check.check(environment);
        }
        return check;
    }

    @Bean
    @ConditionalOnMissingBean
    Mounts gatewayMounts(ListableBeanFactory beanFactory, GatewayProperties properties,
            ObjectProvider<MountDefinition> definitions, ObjectProvider<MountInstrumentation> instrumentations,
            UnknownProperties unknownProperties, ObjectProvider<GatewayMiddleware> middleware,
            GatewayShutdown shutdown, Environment environment) {
        return new MountResolver(properties, instrumentations.orderedStream().toList(),
                MountMiddleware.of(beanFactory, middleware), shutdown.requests(),
                new GatewayLimits(properties, environment).requestLimits())
            .resolve(beanFactory.getBeansOfType(Application.class), definitions.orderedStream().toList());
    }

    /**
     * Abort the requests still running once the web server stopped, and wait for their bodies to be closed, for as
     * long as Spring Boot gives each shutdown phase.
     */
    @Bean
    GatewayShutdown gatewayShutdown(Environment environment) {
        return new GatewayShutdown(Binder.get(environment)
            .bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
            .orElse(DEFAULT_SHUTDOWN_PHASE_TIMEOUT));
    }

    /**
     * Log the mounts, and warn of forwarded headers a client could forge, once the embedded server listens; a war in
     * an external container has no such event.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebServerInitializedEvent.class)
    static class StartupLogConfiguration {

        @Bean
        MountsStartupLog gatewayMountsStartupLog(Mounts mounts) {
            return new MountsStartupLog(mounts);
        }

        /** Warn when forwarded headers are believed from more peers than the proxies (docs/DEPLOYMENT.md). */
        @Bean
        ProxyTrustCheck gatewayProxyTrustCheck(GatewayProperties properties) {
            return new ProxyTrustCheck(properties.getProxy().trustedProxies());
        }
    }
}
