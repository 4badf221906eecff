package dev.gatewayinterface.autoconfigure.webflux;

import dev.gatewayinterface.autoconfigure.ConditionalOnEnabledMounts;
import dev.gatewayinterface.autoconfigure.ConditionalOnMountedApplications;
import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.autoconfigure.GatewayExecutors;
import dev.gatewayinterface.autoconfigure.GatewayProperties;
import dev.gatewayinterface.mount.Mounts;
import dev.gatewayinterface.reactive.ApplicationFailureWebFilter;
import dev.gatewayinterface.reactive.ReactiveGatewayAdapter;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.thread.Threading;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.reactive.DispatcherHandler;

/**
 * Serve mounted applications on WebFlux: a handler mapping beside the controllers' own, and the executor whose
 * threads run the applications, so that their blocking calls never run on an event loop (docs/SPEC.md §12).
 *
 * <p>The executor is no default autowiring candidate and is configured after Spring Boot's task execution, so
 * that {@code applicationTaskExecutor}, {@code @Async} and a user's injection of a {@code TaskExecutor} by type
 * are as without the gateway; it is injected by its name only.
 */
@AutoConfiguration(after = GatewayAutoConfiguration.class,
        afterName = { "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
                "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(DispatcherHandler.class)
@ConditionalOnBean(Mounts.class)
@ConditionalOnMountedApplications
@ConditionalOnEnabledMounts
@Import(GatewayNettyConfiguration.class)
public final class GatewayWebFluxAutoConfiguration {

    /** The name of the executor that runs applications; define a bean of this name to replace it. */
    public static final String TASK_EXECUTOR_BEAN_NAME = "gatewayTaskExecutor";

    private static final String THREAD_NAME_PREFIX = "gateway-";

    @Bean
    GatewayHandlerMapping gatewayHandlerMapping(Mounts mounts, GatewayExecutorMonitor executor,
            GatewayProperties properties) {
        GatewayProperties.Reactive reactive = properties.getReactive();
        return new GatewayHandlerMapping(mounts, mount -> new ReactiveGatewayAdapter(mount.gateway(), executor::execute,
                reactive.getRetryAfter(), reactive.getClientTimeout(), properties.getTimeouts().getRequestBody(),
                properties.errorsOf(mount.name()) == GatewayProperties.ErrorHandling.SPRING));
    }

    /**
     * Signal the failures of applications with {@code gateway.errors=spring} to WebFlux's exception handlers from
     * outside the DispatcherHandler, past every {@code @ControllerAdvice} (docs/SPEC.md §7).
     */
    @Bean
    ApplicationFailureWebFilter gatewayApplicationFailureWebFilter() {
        return new ApplicationFailureWebFilter();
    }

    @Bean
    GatewayExecutorMonitor gatewayExecutorMonitor(@Qualifier(TASK_EXECUTOR_BEAN_NAME) Executor executor,
            Environment environment) {
        return new GatewayExecutorMonitor(executor, Threading.VIRTUAL.isActive(environment));
    }

    /**
     * Take the application out of traffic through readiness while the executor refuses requests: this changes
     * the readiness of the whole application, so {@code gateway.reactive.publish-readiness=false} turns it off.
     */
    @Bean
    @ConditionalOnBean(ApplicationAvailability.class)
    @ConditionalOnBooleanProperty(name = "gateway.reactive.publish-readiness", matchIfMissing = true)
    GatewayReadiness gatewayReadiness(GatewayExecutorMonitor executor, GatewayProperties properties,
            ApplicationEventPublisher publisher, ApplicationAvailability availability) {
        return new GatewayReadiness(executor, properties.getReactive().refusingHold(), publisher, availability);
    }

    /** Run applications on a bounded pool of platform threads with a bounded queue. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnThreading(Threading.PLATFORM)
    static class PlatformThreadsConfiguration {

        @Bean(name = TASK_EXECUTOR_BEAN_NAME, defaultCandidate = false)
        @Qualifier(TASK_EXECUTOR_BEAN_NAME)
        @ConditionalOnMissingBean(name = TASK_EXECUTOR_BEAN_NAME)
        ThreadPoolTaskExecutor gatewayTaskExecutor(GatewayProperties properties) {
            GatewayProperties.Reactive reactive = properties.getReactive();
            return GatewayExecutors.platformThreads(THREAD_NAME_PREFIX, reactive.getMaxThreads(),
                    reactive.getQueueCapacity());
        }
    }

    /** Run each application on a virtual thread of its own, up to the maximum at once (JDK 21 or later). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnThreading(Threading.VIRTUAL)
    static class VirtualThreadsConfiguration {

        @Bean(name = TASK_EXECUTOR_BEAN_NAME, defaultCandidate = false)
        @Qualifier(TASK_EXECUTOR_BEAN_NAME)
        @ConditionalOnMissingBean(name = TASK_EXECUTOR_BEAN_NAME)
        SimpleAsyncTaskExecutor gatewayTaskExecutor(GatewayProperties properties) {
            return GatewayExecutors.virtualThreads(THREAD_NAME_PREFIX, properties.getReactive().getMaxThreads());
        }
    }
}
