package dev.gatewayinterface.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.autoconfigure.StubExchange;
import dev.gatewayinterface.middleware.ContractValidator;
import dev.gatewayinterface.mount.Mounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Check that the gateway endpoint exists only with actuator and when exposed, and what it reports.
 */
class GatewayEndpointAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GatewayAutoConfiguration.class, GatewayEndpointAutoConfiguration.class))
        .withBean("hello", Application.class, () -> (environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("hi".getBytes());
        });

    @Test
    void addsNoEndpointUnlessExposed() {
        runner.run(context -> assertThat(context).doesNotHaveBean(GatewayEndpoint.class));
    }

    @Test
    void addsTheEndpointWhenExposed() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=gateway")
            .run(context -> assertThat(context).hasSingleBean(GatewayEndpoint.class));
    }

    @Test
    void addsNoEndpointWithoutActuator() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=gateway")
            .withClassLoader(new FilteredClassLoader(Endpoint.class))
            .run(context -> assertThat(context).doesNotHaveBean(GatewayEndpoint.class));
    }

    @Test
    void describesEachMountWithItsMiddlewareAndCounts() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=gateway", "gateway.validate=true",
                "gateway.apps.hello.path=/hi")
            .run(context -> {
                context.getBean(Mounts.class).all().get(0).gateway().handle(new StubExchange("GET"));
                GatewayEndpoint.GatewayDescriptor described = context.getBean(GatewayEndpoint.class).gateway();
                assertThat(described.stack()).isEqualTo("servlet");
                assertThat(described).as("no executor section on Spring MVC")
                    .isInstanceOf(GatewayEndpoint.ServerThreadsDescriptor.class);
                assertThat(described.mounts()).singleElement().satisfies(mount -> {
                    assertThat(mount.name()).isEqualTo("hello");
                    assertThat(mount.path()).isEqualTo("/hi");
                    assertThat(mount.pattern()).isEqualTo("/hi/**");
                    assertThat(mount.middleware()).containsExactly(ContractValidator.class.getName());
                    assertThat(mount.validated()).isTrue();
                    assertThat(mount.application()).doesNotContain("ContractValidator", "$$Lambda")
                        .startsWith("lambda in " + GatewayEndpointAutoConfigurationTests.class.getName());
                    assertThat(mount.requests()).isEqualTo(new GatewayEndpoint.RequestCounts(1, 0, 0, 0));
                    assertThat(mount.details()).isEmpty();
                });
            });
    }

    @Test
    void addsTheDetailsOfEveryContributorToItsMountInOrder() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=gateway", "gateway.apps.hello.path=/hi")
            .withUserConfiguration(Contributors.class)
            .run(context -> assertThat(context.getBean(GatewayEndpoint.class).gateway().mounts()).singleElement()
                .satisfies(mount -> assertThat(mount.details()).containsOnly(entry("pool", Map.of("size", 2)),
                        entry("owner", "second"), entry("mount", "hello"))));
    }

    /** Add details to every mount: the second contributor replaces one key of the first. */
    @Configuration(proxyBeanMethods = false)
    static class Contributors {

        @Bean
        @Order(2)
        GatewayEndpointContributor second() {
            return mount -> Map.of("owner", "second", "mount", mount);
        }

        @Bean
        @Order(1)
        GatewayEndpointContributor first() {
            return mount -> Map.of("pool", Map.of("size", 2), "owner", "first");
        }
    }
}
