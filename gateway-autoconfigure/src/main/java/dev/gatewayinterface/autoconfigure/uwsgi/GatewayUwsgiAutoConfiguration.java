package dev.gatewayinterface.autoconfigure.uwsgi;

import dev.gatewayinterface.autoconfigure.ConditionalOnEnabledMounts;
import dev.gatewayinterface.autoconfigure.ConditionalOnMountedApplications;
import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.autoconfigure.GatewayExecutors;
import dev.gatewayinterface.autoconfigure.GatewayProperties;
import dev.gatewayinterface.autoconfigure.webflux.GatewayExecutorMonitor;
import dev.gatewayinterface.engine.TrustedProxies;
import dev.gatewayinterface.mount.Mounts;
import dev.gatewayinterface.uwsgi.UwsgiListener;
import dev.gatewayinterface.uwsgi.UwsgiRouter;
import dev.gatewayinterface.uwsgi.UwsgiSettings;
import dev.gatewayinterface.uwsgi.UwsgiTrustPolicy;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.http.server.PathContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Serve the mounted applications over the uwsgi protocol as well, when {@code gateway.uwsgi.enabled} is set: a
 * listener of its own beside the web server, on Spring MVC or WebFlux alike, with an executor of its own that is no
 * default autowiring candidate (docs/SPEC.md §17, docs/DEPLOYMENT.md). The listener needs Reactor Netty's TCP server; a
 * Spring MVC application that enables it without Reactor Netty fails to start, saying what to add.
 */
@AutoConfiguration(after = GatewayAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration")
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty("gateway.uwsgi.enabled")
@ConditionalOnBean(Mounts.class)
@ConditionalOnMountedApplications
@ConditionalOnEnabledMounts
public final class GatewayUwsgiAutoConfiguration {

    /** The name of the executor that runs uwsgi requests; define a bean of this name to replace it. */
    public static final String TASK_EXECUTOR_BEAN_NAME = "gatewayUwsgiTaskExecutor";

    private static final String THREAD_NAME_PREFIX = "gateway-uwsgi-";

    private static final String TCP_SERVER = "reactor.netty.tcp.TcpServer";

    private static final Logger logger = LoggerFactory.getLogger(GatewayUwsgiAutoConfiguration.class);

    /** Serve uwsgi on Reactor Netty's TCP server. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = TCP_SERVER)
    static class ListenerConfiguration {

        /** Believe the vars of the peers gateway.proxy.trusted names; a bean of this type replaces the policy. */
        @Bean
        @ConditionalOnMissingBean
        UwsgiTrustPolicy gatewayUwsgiTrustPolicy(GatewayProperties properties) {
            TrustedProxies trusted = properties.getProxy().trustedProxies();
            if (trusted.isEmpty()) {
                logger.info("No uwsgi peer is trusted (gateway.proxy.trusted is empty): applications over uwsgi see the "
                        + "proxy's address as REMOTE_ADDR and http as scheme; name the proxy there (docs/DEPLOYMENT.md)");
            }
            return UwsgiTrustPolicy.trusting(trusted);
        }

        @Bean
        GatewayUwsgiServer gatewayUwsgiServer(Mounts mounts, GatewayProperties properties,
                @Qualifier(TASK_EXECUTOR_BEAN_NAME) Executor executor, UwsgiTrustPolicy trust, Environment environment) {
            GatewayProperties.Uwsgi uwsgi = properties.getUwsgi();
            GatewayExecutorMonitor monitor = new GatewayExecutorMonitor(executor, Threading.VIRTUAL.isActive(environment));
            UwsgiSettings settings = new UwsgiSettings(uwsgi.getAddress(), uwsgi.getPort(),
                    (int) uwsgi.getBufferSize().toBytes(), uwsgi.getMaxBodySize().toBytes(), uwsgi.getRequestTimeout(),
                    uwsgi.getClientTimeout(), uwsgi.getRetryAfter());
            UwsgiListener listener = new UwsgiListener(router(mounts), monitor::execute, settings, trust);
            boolean graceful = !"immediate".equalsIgnoreCase(environment.getProperty("server.shutdown", "graceful"));
            return new GatewayUwsgiServer(listener, monitor, uwsgi.getAddress(), graceful);
        }

        private static UwsgiRouter router(Mounts mounts) {
            return rawPath -> {
                Mounts.Match match = mounts.match(PathContainer.parsePath(rawPath));
                return match == null ? null
                        : new UwsgiRouter.Route(match.mount().gateway(), match.rawMountPath(), match.rawPathInfo());
            };
        }

        /** Count the listener's connections, refusals and bad input in the application's meter registries. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(MeterBinder.class)
        static class MetersConfiguration {

            @Bean
            GatewayUwsgiMeters gatewayUwsgiMeters(GatewayUwsgiServer server) {
                return new GatewayUwsgiMeters(server.listener().statistics());
            }
        }

        /** Run uwsgi requests on a bounded pool of platform threads with a bounded queue. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnThreading(Threading.PLATFORM)
        static class PlatformThreadsConfiguration {

            @Bean(name = TASK_EXECUTOR_BEAN_NAME, defaultCandidate = false)
            @Qualifier(TASK_EXECUTOR_BEAN_NAME)
            @ConditionalOnMissingBean(name = TASK_EXECUTOR_BEAN_NAME)
            ThreadPoolTaskExecutor gatewayUwsgiTaskExecutor(GatewayProperties properties) {
                GatewayProperties.Uwsgi uwsgi = properties.getUwsgi();
                return GatewayExecutors.platformThreads(THREAD_NAME_PREFIX, uwsgi.getMaxThreads(),
                        uwsgi.getQueueCapacity());
            }
        }

        /** Run each uwsgi request on a virtual thread of its own, up to the maximum at once (JDK 21 or later). */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnThreading(Threading.VIRTUAL)
        static class VirtualThreadsConfiguration {

            @Bean(name = TASK_EXECUTOR_BEAN_NAME, defaultCandidate = false)
            @Qualifier(TASK_EXECUTOR_BEAN_NAME)
            @ConditionalOnMissingBean(name = TASK_EXECUTOR_BEAN_NAME)
            SimpleAsyncTaskExecutor gatewayUwsgiTaskExecutor(GatewayProperties properties) {
                return GatewayExecutors.virtualThreads(THREAD_NAME_PREFIX, properties.getUwsgi().getMaxThreads());
            }
        }
    }

    /** Fail startup, saying what to add, when uwsgi is enabled but Reactor Netty is absent (Spring MVC). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass(TCP_SERVER)
    static class MissingReactorNettyConfiguration {

        @Bean
        Object gatewayUwsgiRequiresReactorNetty() {
            throw new IllegalStateException("gateway.uwsgi.enabled=true needs Reactor Netty's TCP server, which is not "
                    + "on the class path: add io.projectreactor.netty:reactor-netty-core (WebFlux brings it), or set "
                    + "gateway.uwsgi.enabled=false");
        }
    }
}
