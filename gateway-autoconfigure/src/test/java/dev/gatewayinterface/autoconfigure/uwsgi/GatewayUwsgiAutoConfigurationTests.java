package dev.gatewayinterface.autoconfigure.uwsgi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.autoconfigure.actuate.GatewayListener;
import dev.gatewayinterface.uwsgi.ClientFacts;
import dev.gatewayinterface.uwsgi.UwsgiTrustPolicy;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Check that {@link GatewayUwsgiAutoConfiguration} adds the uwsgi listener only when asked, on either stack, with an
 * executor of its own that stands in for no one else's, and that a Spring MVC application without Reactor Netty is
 * told what to add.
 */
@ExtendWith(OutputCaptureExtension.class)
class GatewayUwsgiAutoConfigurationTests {

    private static final String EXECUTOR = GatewayUwsgiAutoConfiguration.TASK_EXECUTOR_BEAN_NAME;

    private static final AutoConfigurations GATEWAY = AutoConfigurations.of(GatewayAutoConfiguration.class,
            GatewayUwsgiAutoConfiguration.class, TaskExecutionAutoConfiguration.class);

    private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(GATEWAY)
        .withBean("hello", Application.class, () -> (environ, start) -> List.of())
        .withPropertyValues("gateway.uwsgi.port=0");

    @Test
    void addsNoListenerUnlessEnabled() {
        servlet.run(context -> assertThat(context).doesNotHaveBean(GatewayUwsgiServer.class)
            .doesNotHaveBean(EXECUTOR));
    }

    @Test
    void listensOnSpringMvcWithReactorNettyOnTheClassPath() {
        servlet.withPropertyValues("gateway.uwsgi.enabled=true").run(context -> {
            GatewayUwsgiServer server = context.getBean(GatewayUwsgiServer.class);
            assertThat(server.isRunning()).isTrue();
            assertThat(server.getPort()).isPositive();
            assertThat(context.getBeansOfType(GatewayListener.class)).containsValue(server);
        });
    }

    @Test
    void listensOnWebFluxToo() {
        new ReactiveWebApplicationContextRunner().withConfiguration(GATEWAY)
            .withBean("hello", Application.class, () -> (environ, start) -> List.of())
            .withPropertyValues("gateway.uwsgi.enabled=true", "gateway.uwsgi.port=0")
            .run(context -> assertThat(context.getBean(GatewayUwsgiServer.class).getPort()).isPositive());
    }

    @Test
    void runsRequestsOnABoundedPoolThatStandsInForNoOtherExecutor() {
        servlet.withPropertyValues("gateway.uwsgi.enabled=true", "gateway.uwsgi.max-threads=7",
                "gateway.uwsgi.queue-capacity=3").run(context -> {
                    ThreadPoolTaskExecutor executor = context.getBean(EXECUTOR, ThreadPoolTaskExecutor.class);
                    assertThat(executor.getMaxPoolSize()).isEqualTo(7);
                    assertThat(executor.getQueueCapacity()).isEqualTo(3);
                    assertThat(executor.getThreadNamePrefix()).isEqualTo("gateway-uwsgi-");
                    // Spring Boot's own executor is still the one injected by type.
                    assertThat(context.getBean(TaskExecutor.class)).isNotSameAs(executor);
                    Map<String, Object> state = context.getBean(GatewayUwsgiServer.class).state();
                    assertThat(state).containsEntry("address", "127.0.0.1").containsKey("executor");
                });
    }

    @Test
    void runsEachRequestOnAVirtualThreadWhenTheApplicationAsksForThem() {
        servlet.withPropertyValues("gateway.uwsgi.enabled=true", "spring.threads.virtual.enabled=true")
            .run(context -> assertThat(context.getBean(EXECUTOR, Executor.class))
                .isInstanceOfSatisfying(SimpleAsyncTaskExecutor.class,
                        executor -> assertThat(executor.getConcurrencyLimit()).isEqualTo(200)));
    }

    @Test
    void believesTheVarsOfThePeersGatewayProxyTrustedNames() {
        ClientFacts stated = new ClientFacts("192.0.2.7", 51000, "https", "example.test", 443);
        ClientFacts connection = new ClientFacts("10.1.2.3", 40000, "http", "example.test", 80);
        servlet.withPropertyValues("gateway.uwsgi.enabled=true", "gateway.proxy.trusted=10.0.0.0/8").run(context -> {
            UwsgiTrustPolicy policy = context.getBean(UwsgiTrustPolicy.class);
            assertThat(policy.resolve(new InetSocketAddress("10.1.2.3", 40000), stated, connection, null))
                .isSameAs(stated);
            assertThat(policy.resolve(new InetSocketAddress("192.0.2.99", 40000), stated, connection, null))
                .isSameAs(connection);
        });
    }

    @Test
    void trustsNoUwsgiPeerByDefaultAndSaysSo(CapturedOutput output) {
        servlet.withPropertyValues("gateway.uwsgi.enabled=true").run(context -> {
            ClientFacts stated = new ClientFacts("192.0.2.7", 51000, "https", "example.test", 443);
            ClientFacts connection = new ClientFacts("127.0.0.1", 40000, "http", "example.test", 80);
            assertThat(context.getBean(UwsgiTrustPolicy.class)
                .resolve(new InetSocketAddress("127.0.0.1", 40000), stated, connection, null)).isSameAs(connection);
            assertThat(output).contains("No uwsgi peer is trusted (gateway.proxy.trusted is empty)");
        });
    }

    @Test
    void usesATrustPolicyTheApplicationDeclares() {
        UwsgiTrustPolicy own = (peer, stated, connection, vars) -> stated;
        servlet.withPropertyValues("gateway.uwsgi.enabled=true").withBean(UwsgiTrustPolicy.class, () -> own)
            .run(context -> assertThat(context.getBean(UwsgiTrustPolicy.class)).isSameAs(own));
    }

    @Test
    void failsStartupSayingWhatToAddWhenReactorNettyIsMissing() {
        servlet.withPropertyValues("gateway.uwsgi.enabled=true")
            .withClassLoader(new FilteredClassLoader("reactor.netty"))
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("gateway.uwsgi.enabled=true")
                    .hasMessageContaining("io.projectreactor.netty:reactor-netty-core");
            });
    }

    @Test
    void failsStartupNamingAPropertyWithABadValue() {
        servlet.withPropertyValues("gateway.uwsgi.enabled=true", "gateway.uwsgi.buffer-size=100KB").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("gateway.uwsgi.buffer-size");
        });
    }

    @Test
    void listensAgainWhenAStoppedContextStartsAgain() {
        servlet.withPropertyValues("gateway.uwsgi.enabled=true").run(context -> {
            GatewayUwsgiServer server = context.getBean(GatewayUwsgiServer.class);
            context.stop();
            assertThat(server.isRunning()).isFalse();
            assertThat(server.listener().isRunning()).isFalse();
            context.start();
            assertThat(server.isRunning()).isTrue();
            assertThat(server.getPort()).isPositive();
        });
    }

    @Test
    void stopsTheListenerWithTheContext() {
        servlet.withPropertyValues("gateway.uwsgi.enabled=true").run(context -> {
            GatewayUwsgiServer server = context.getBean(GatewayUwsgiServer.class);
            context.close();
            assertThat(server.isRunning()).isFalse();
            assertThat(server.listener().isRunning()).isFalse();
        });
    }
}
