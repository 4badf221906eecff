package dev.gatewayinterface.python.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.autoconfigure.actuate.GatewayEndpoint;
import dev.gatewayinterface.autoconfigure.actuate.GatewayEndpointAutoConfiguration;
import dev.gatewayinterface.python.PythonRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * Check that {@link GatewayPythonObservabilityAutoConfiguration} publishes each Python application's pool as
 * meters, health and details at the gateway endpoint, and that the health contributor can be turned off.
 */
@ExtendWith(SharedPythonRuntime.class)
class GatewayPythonObservabilityAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GatewayPythonAutoConfiguration.class, GatewayAutoConfiguration.class,
                GatewayPythonObservabilityAutoConfiguration.class))
        .withBean(PythonRuntime.class, SharedPythonRuntime::get, definition -> definition.setDestroyMethodName(""))
        .withPropertyValues("gateway.python.apps.shop.app=wsgi_apps:plain", "gateway.python.apps.shop.pool-size=1",
                "gateway.python.apps.shop.python-path=src/test/python", "gateway.python.apps.idle.app=wsgi_apps:plain",
                "gateway.apps.idle.enabled=false");

    @Test
    void recordsEachMountedApplicationsPoolAsMetersTaggedWithItsName() {
        runner.run(context -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(PythonPoolMetrics.class).bindTo(registry);
            assertThat(registry.get("gateway.python.pool.size").tag("app", "shop").gauge().value()).isEqualTo(1);
            assertThat(registry.get("gateway.python.pool.idle").tag("app", "shop").gauge().value()).isEqualTo(1);
            assertThat(registry.get("gateway.python.pool.busy").tag("app", "shop").gauge().value()).isZero();
            assertThat(registry.get("gateway.python.pool.waiting").tag("app", "shop").gauge().value()).isZero();
            assertThat(registry.get("gateway.python.contexts.replaced").tag("app", "shop").functionCounter().count())
                .isZero();
            assertThat(registry.get("gateway.python.requests.timeouts").tag("app", "shop").functionCounter().count())
                .isZero();
            assertThat(registry.get("gateway.python.contexts.start.failures").tag("app", "shop").functionCounter()
                .count()).isZero();
            assertThat(registry.find("gateway.python.pool.size").tag("app", "idle").gauge()).isNull();
        });
    }

    @Test
    void reportsThePoolsAsTheGatewayPythonHealthContributor() {
        runner.run(context -> assertThat(context.getBean("gatewayPythonHealthIndicator", PythonHealthIndicator.class)
            .health().getStatus()).isEqualTo(Status.UP));
    }

    @Test
    void showsEachMountedApplicationsPoolAtTheGatewayEndpoint() {
        runner.withConfiguration(AutoConfigurations.of(GatewayEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=gateway")
            .run(context -> assertThat(context.getBean(GatewayEndpoint.class).gateway().mounts())
                .singleElement()
                .satisfies(mount -> {
                    assertThat(mount.name()).isEqualTo("shop");
                    assertThat(mount.details()).containsOnlyKeys("pythonPool");
                    assertThat(mount.details().get("pythonPool")).asInstanceOf(InstanceOfAssertFactories.MAP)
                        .containsExactly(entry("size", 1), entry("busy", 0), entry("idle", 1), entry("waiting", 0),
                                entry("replaced", 0L), entry("timeouts", 0L), entry("startFailures", 0L));
                }));
    }

    @Test
    void addsNoEndpointDetailsWithoutActuator() {
        runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
            .run(context -> assertThat(context).doesNotHaveBean(PythonEndpointContributor.class)
                .hasSingleBean(PythonPoolMetrics.class));
    }

    @Test
    void contributesNoHealthWhenTurnedOff() {
        runner.withPropertyValues("management.health.gateway-python.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(PythonHealthIndicator.class)
                .hasSingleBean(PythonPoolMetrics.class));
    }
}
