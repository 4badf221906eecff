package dev.gatewayinterface.autoconfigure.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.mount.Mounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import reactor.netty.http.server.HttpServer;

/**
 * Check that {@link GatewayWebFluxAutoConfiguration} serves the mounts on WebFlux only, beside the controllers,
 * on the threads {@code gateway.reactive.*} and {@code spring.threads.virtual.enabled} ask for.
 */
class GatewayWebFluxAutoConfigurationTests {

    private static final String EXECUTOR = GatewayWebFluxAutoConfiguration.TASK_EXECUTOR_BEAN_NAME;

    private static final AutoConfigurations GATEWAY = AutoConfigurations.of(GatewayAutoConfiguration.class,
            GatewayWebFluxAutoConfiguration.class);

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(GATEWAY)
            .withBean("hello", Application.class, GatewayWebFluxAutoConfigurationTests::application);

    @Test
    void servesTheMountsOfAReactiveWebApplicationOnABoundedPool() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(GatewayHandlerMapping.class);
            assertThat(ReflectionTestUtils.getField(context.getBean(GatewayHandlerMapping.class), "mounts"))
                .isSameAs(context.getBean(Mounts.class));
            ThreadPoolTaskExecutor executor = context.getBean(EXECUTOR, ThreadPoolTaskExecutor.class);
            assertThat(executor.getCorePoolSize()).isEqualTo(200);
            assertThat(executor.getMaxPoolSize()).isEqualTo(200);
            assertThat(executor.getQueueCapacity()).isEqualTo(100);
            assertThat(executor.getThreadNamePrefix()).isEqualTo("gateway-");
        });
    }

    @Test
    void sizesThePoolAndItsQueueFromTheProperties() {
        runner.withPropertyValues("gateway.reactive.max-threads=7", "gateway.reactive.queue-capacity=0")
            .run(context -> {
                ThreadPoolTaskExecutor executor = context.getBean(EXECUTOR, ThreadPoolTaskExecutor.class);
                assertThat(executor.getMaxPoolSize()).isEqualTo(7);
                assertThat(executor.getCorePoolSize()).isEqualTo(7);
                assertThat(executor.getQueueCapacity()).isZero();
            });
    }

    @Test
    void runsApplicationsOnVirtualThreadsWhenEnabledOnJdk21OrLaterAndOnThePoolBefore() {
        runner.withPropertyValues("spring.threads.virtual.enabled=true", "gateway.reactive.max-threads=9")
            .run(context -> {
                Executor executor = context.getBean(EXECUTOR, Executor.class);
                if (Runtime.version().feature() >= 21) {
                    assertThat(executor).isInstanceOf(SimpleAsyncTaskExecutor.class);
                    SimpleAsyncTaskExecutor virtual = (SimpleAsyncTaskExecutor) executor;
                    assertThat(virtual.getConcurrencyLimit()).isEqualTo(9);
                    assertThat(ReflectionTestUtils.getField(virtual, "rejectTasksWhenLimitReached")).isEqualTo(true);
                    assertThat(isVirtual(virtual.submit(Thread::currentThread).get())).isTrue();
                }
                else {
                    assertThat(executor).isInstanceOf(ThreadPoolTaskExecutor.class);
                }
            });
    }

    @Test
    void runsApplicationsOnAUserDefinedExecutor() {
        Executor own = Runnable::run;
        runner.withBean(EXECUTOR, Executor.class, () -> own).run(context -> {
            assertThat(context).doesNotHaveBean(ThreadPoolTaskExecutor.class);
            assertThat(context.getBean(EXECUTOR)).isSameAs(own);
            assertThat(context).hasSingleBean(GatewayHandlerMapping.class);
        });
    }

    @Test
    void leavesTaskExecutorInjectionAndAsyncMethodsToSpringBoot() {
        runner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
            .withUserConfiguration(AsyncWork.class)
            .run(context -> {
                assertThat(context).hasNotFailed();
                Object bootExecutor = context.getBean("applicationTaskExecutor");
                AsyncWork work = context.getBean(AsyncWork.class);
                assertThat(work.executor()).isSameAs(bootExecutor);
                assertThat(context.getBean(TaskExecutor.class)).isSameAs(bootExecutor);
                assertThat(work.threadName().get(10, TimeUnit.SECONDS)).startsWith("task-");
                assertThat(context).hasBean(EXECUTOR);
            });
    }

    @Test
    void offersItsExecutorToNoInjectionByType() {
        runner.withUserConfiguration(ExecutorUser.class).run(context -> {
            assertThat(context).hasNotFailed().hasBean(EXECUTOR);
            assertThat(context.getBean(ExecutorUser.class).executor).isNull();
        });
    }

    @Test
    void publishesReadinessUnlessTurnedOff() {
        ReactiveWebApplicationContextRunner available = runner
            .withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class));
        available.run(context -> assertThat(context).hasSingleBean(GatewayReadiness.class));
        available.withPropertyValues("gateway.reactive.publish-readiness=false")
            .run(context -> assertThat(context).doesNotHaveBean(GatewayReadiness.class));
    }

    @Test
    void backsOffWhenEveryApplicationIsDisabled() {
        runner.withPropertyValues("gateway.apps.hello.enabled=false")
            .run(GatewayWebFluxAutoConfigurationTests::assertServesNothing);
    }

    @Test
    void bindsTheRetryDelayAndTheClientTimeout() {
        runner.withPropertyValues("gateway.reactive.retry-after=30s", "gateway.reactive.client-timeout=5s")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(dev.gatewayinterface.autoconfigure.GatewayProperties.class).getReactive())
                    .satisfies(reactive -> {
                        assertThat(reactive.getRetryAfter()).hasSeconds(30);
                        assertThat(reactive.getClientTimeout()).hasSeconds(5);
                    });
            });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gateway.reactive.max-threads=0       | gateway.reactive.max-threads must be at least 1, not 0
            gateway.reactive.queue-capacity=-1   | gateway.reactive.queue-capacity must be at least 0, not -1
            gateway.reactive.retry-after=-1s     | gateway.reactive.retry-after must be at least 0s, not PT-1S
            gateway.reactive.client-timeout=0s   | gateway.reactive.client-timeout must be longer than 0s, not PT0S
            """)
    void failsOnAnInvalidSettingNamingTheProperty(String property, String message) {
        runner.withPropertyValues(property).run(context -> assertThat(context.getStartupFailure()).rootCause()
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(message));
    }

    @Test
    void guardsReactorNettyWithTheGatewaysLimitsAndTimeouts() {
        runner.withPropertyValues("gateway.limits.max-request-line=4KB", "gateway.limits.max-header-size=12KB")
            .run(context -> {
                NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory();
                context.getBean("gatewayNettyGuardCustomizer", WebServerFactoryCustomizer.class).customize(factory);
                HttpServer server = HttpServer.create().httpRequestDecoder(spec -> spec.validateHeaders(false));
                for (NettyServerCustomizer customizer : factory.getServerCustomizers()) {
                    server = customizer.apply(server);
                }
                assertThat(server.configuration().decoder().maxInitialLineLength()).isEqualTo(4096);
                assertThat(server.configuration().decoder().maxHeaderSize()).isEqualTo(12 * 1024);
                assertThat(server.configuration().decoder().validateHeaders()).as("Spring Boot's own setting").isFalse();
                assertThat(server.configuration().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
            });
    }

    @Test
    void leavesReactorNettysOwnIdleTimeoutWhenTheDeployerSetIt() {
        runner.withPropertyValues("server.netty.idle-timeout=5m").run(context -> {
            NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory();
            context.getBean("gatewayNettyGuardCustomizer", WebServerFactoryCustomizer.class).customize(factory);
            HttpServer server = HttpServer.create().idleTimeout(Duration.ofMinutes(5));
            for (NettyServerCustomizer customizer : factory.getServerCustomizers()) {
                server = customizer.apply(server);
            }
            assertThat(server.configuration().idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void leavesReactorNettyAloneWhenTheGuardIsOff() {
        runner.withPropertyValues("gateway.guard.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean("gatewayNettyGuardCustomizer"));
    }

    @Test
    void backsOffWithoutMounts() {
        assertBacksOff(new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GatewayWebFluxAutoConfiguration.class)));
    }

    @Test
    void backsOffOnAServletWebApplication() {
        assertBacksOff(new WebApplicationContextRunner().withConfiguration(GATEWAY));
    }

    @Test
    void backsOffOutsideAWebApplication() {
        assertBacksOff(new ApplicationContextRunner().withConfiguration(GATEWAY));
    }

    @Test
    void ordersTheHandlerMappingAfterControllersAndRouterFunctionsAndBeforeStaticResources() {
        runner.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class)).run(context -> {
            GatewayHandlerMapping gateway = context.getBean(GatewayHandlerMapping.class);
            List<HandlerMapping> mappings = new ArrayList<>(context.getBeansOfType(HandlerMapping.class).values());
            AnnotationAwareOrderComparator.sort(mappings);
            int gatewayIndex = mappings.indexOf(gateway);
            assertThat(mappings.indexOf(context.getBean(RequestMappingHandlerMapping.class))).isLessThan(gatewayIndex);
            assertThat(mappings.indexOf(context.getBean("routerFunctionMapping", RouterFunctionMapping.class)))
                .isLessThan(gatewayIndex);
            assertThat(mappings.indexOf(context.getBean("resourceHandlerMapping", HandlerMapping.class)))
                .isGreaterThan(gatewayIndex);
        });
    }

    /** Run a context that declares an application, so that only the condition under test keeps the gateway away. */
    private static void assertBacksOff(AbstractApplicationContextRunner<?, ?, ?> runner) {
        runner.withBean("hello", Application.class, GatewayWebFluxAutoConfigurationTests::application)
            .run(GatewayWebFluxAutoConfigurationTests::assertServesNothing);
    }

    /** Check that a context started and serves no mount: neither the handler mapping nor the executor. */
    private static void assertServesNothing(ApplicationContextAssertProvider<?> context) {
        assertThat(context).hasNotFailed().doesNotHaveBean(GatewayHandlerMapping.class).doesNotHaveBean(EXECUTOR);
    }

    /** Ask a thread whether it is virtual; the API is JDK 21's and this code compiles for 17. */
    private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
        return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    }

    /** Take an executor by type and run an asynchronous method, as a user's bean does. */
    @Configuration(proxyBeanMethods = false)
    @EnableAsync
    static class AsyncWork {

        private final TaskExecutor executor;

        AsyncWork(TaskExecutor executor) {
            this.executor = executor;
        }

        public TaskExecutor executor() {
            return executor;
        }

        @Async
        public CompletableFuture<String> threadName() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }
    }

    /** Take any executor there is to take by type. */
    static class ExecutorUser {

        final Executor executor;

        ExecutorUser(ObjectProvider<Executor> executors) {
            this.executor = executors.getIfAvailable();
        }
    }

    private static Application application() {
        return (environ, start) -> List.of();
    }
}
