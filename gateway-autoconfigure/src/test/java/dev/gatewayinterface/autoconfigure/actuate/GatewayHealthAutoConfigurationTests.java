package dev.gatewayinterface.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.autoconfigure.webflux.GatewayWebFluxAutoConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * Check that the executor's health indicator exists on the reactive stack only, and can be turned off; and
 * that the endpoint reports the reactive executor there.
 */
class GatewayHealthAutoConfigurationTests {

    private static final Application HELLO = (environ, start) -> List.of();

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GatewayAutoConfiguration.class, GatewayWebFluxAutoConfiguration.class,
                GatewayHealthAutoConfiguration.class, GatewayEndpointAutoConfiguration.class))
        .withBean("hello", Application.class, () -> HELLO);

    @Test
    void contributesTheExecutorsHealthOnTheReactiveStack() {
        reactive.run(context -> assertThat(context).hasSingleBean(GatewayExecutorHealthIndicator.class));
    }

    @Test
    void contributesNothingWhenTheIndicatorIsTurnedOff() {
        reactive.withPropertyValues("management.health.gateway.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(GatewayExecutorHealthIndicator.class));
    }

    @Test
    void contributesNothingOnTheServletStack() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GatewayAutoConfiguration.class, GatewayHealthAutoConfiguration.class))
            .withBean("hello", Application.class, () -> HELLO)
            .run(context -> assertThat(context).doesNotHaveBean(GatewayExecutorHealthIndicator.class));
    }

    @Test
    void reportsTheReactiveExecutorAtTheEndpoint() {
        reactive.withPropertyValues("management.endpoints.web.exposure.include=gateway", "gateway.reactive.max-threads=7")
            .run(context -> {
                GatewayEndpoint.GatewayDescriptor described = context.getBean(GatewayEndpoint.class).gateway();
                assertThat(described.stack()).isEqualTo("reactive");
                assertThat(described).isInstanceOfSatisfying(GatewayEndpoint.ExecutorDescriptor.class,
                        withExecutor -> assertThat(withExecutor.executor()).containsEntry("maxThreads", 7)
                            .containsEntry("queueCapacity", 100)
                            .containsEntry("threads", "platform"));
            });
    }
}
