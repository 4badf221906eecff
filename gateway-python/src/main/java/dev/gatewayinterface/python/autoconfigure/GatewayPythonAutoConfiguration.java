package dev.gatewayinterface.python.autoconfigure;

import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.autoconfigure.MountDefinition;
import dev.gatewayinterface.autoconfigure.webflux.GatewayWebFluxAutoConfiguration;
import dev.gatewayinterface.python.PycacheDirectoryException;
import dev.gatewayinterface.python.PythonApplication;
import dev.gatewayinterface.python.PythonRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Mount each Python WSGI application of {@code gateway.python.apps.*} as a {@link MountDefinition}, so that it
 * is served like an {@code Application} bean, under the same mount rules, metrics and validator, on every stack
 * (docs/PYTHON.md). Without such applications it starts no Python at all.
 */
@AutoConfiguration(before = GatewayAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnClass({ PythonApplication.class, MountDefinition.class })
@Conditional(GatewayPythonAutoConfiguration.OnPythonApplications.class)
@EnableConfigurationProperties(GatewayPythonProperties.class)
@Import(PythonMountRegistrar.class)
public final class GatewayPythonAutoConfiguration {

    static final String APPLICATIONS_BEAN = "gatewayPythonApplications";

    /** The system property where Truffle unpacks language homes such as GraalPy's. */
    static final String RESOURCE_CACHE = "polyglot.engine.userResourceCache";

    /** Spring Boot's default {@code spring.lifecycle.timeout-per-shutdown-phase}. */
    private static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

    @Bean
    @ConditionalOnMissingBean
    PythonRuntime gatewayPythonRuntime(GatewayPythonProperties properties) {
        useResourceCache(properties.getResourceCacheDir());
        try {
            return PythonRuntime.start(properties.getPycacheDir());
        }
        catch (PycacheDirectoryException ex) {
            // Reported as a startup failure that names the property, not as a stack trace.
            throw new PythonConfigurationException(ex.description(), ex.action(), ex);
        }
    }

    /**
     * Point Truffle's resource cache at the directory, which Truffle reads when it first unpacks GraalPy's home;
     * a value already set (on the command line) wins, and {@code null} changes nothing.
     */
    static void useResourceCache(Path directory) {
        if (directory != null && System.getProperty(RESOURCE_CACHE) == null) {
            System.setProperty(RESOURCE_CACHE, directory.toAbsolutePath().toString());
        }
    }

    @Bean(APPLICATIONS_BEAN)
    PythonApplications gatewayPythonApplications(PythonRuntime runtime, GatewayPythonProperties properties,
            ResourcePatternResolver resources, Environment environment, ConfigurableListableBeanFactory beanFactory) {
        // Requests still running when the contexts close get the same time as Spring's graceful shutdown phases.
        Binder binder = Binder.get(environment);
        Duration grace = binder.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
            .orElse(DEFAULT_SHUTDOWN_GRACE);
        // WebFlux's gateway executor waits for its running tasks when it is destroyed; one waiting on a busy Python
        // context ends only once the contexts close, so they must close first: a dependent is destroyed before.
        String executor = GatewayWebFluxAutoConfiguration.TASK_EXECUTOR_BEAN_NAME;
        if (beanFactory.containsBeanDefinition(executor)) {
            beanFactory.registerDependentBean(executor, APPLICATIONS_BEAN);
        }
        return new PythonApplications(runtime, properties, resources, binder, grace);
    }

    /** Match when {@code gateway.python.apps} names at least one application. */
    static final class OnPythonApplications extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Set<String> names = Binder.get(context.getEnvironment())
                .bind("gateway.python.apps", Bindable.mapOf(String.class, Object.class))
                .map(Map::keySet)
                .orElse(Set.of());
            return names.isEmpty() ? ConditionOutcome.noMatch("gateway.python.apps names no application")
                    : ConditionOutcome.match("gateway.python.apps names " + names);
        }
    }
}
