package dev.gatewayinterface.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.autoconfigure.MountInstrumentation;
import dev.gatewayinterface.autoconfigure.StubExchange;
import dev.gatewayinterface.mount.Mounts;
import dev.gatewayinterface.observation.DefaultGatewayObservationConvention;
import dev.gatewayinterface.observation.GatewayMeterObservationHandler;
import dev.gatewayinterface.observation.GatewayObservationContext;
import dev.gatewayinterface.observation.GatewayObservationConvention;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * Check when the gateway observes requests and records meters, and that its convention can be replaced.
 */
class GatewayObservationAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GatewayAutoConfiguration.class, GatewayObservationAutoConfiguration.class))
        .withBean("hello", Application.class, () -> (environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("hi".getBytes());
        });

    @Test
    void observesNothingWithoutAnObservationRegistry() {
        runner.run(context -> assertThat(context).doesNotHaveBean(MountInstrumentation.class)
            .doesNotHaveBean(GatewayMeterObservationHandler.class));
    }

    @Test
    void observesNothingWithoutMicrometerOnTheClassPath() {
        runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
            .run(context -> assertThat(context).doesNotHaveBean(MountInstrumentation.class));
    }

    @Test
    void observesRequestsButRecordsNoMetersWithoutAMeterRegistry() {
        runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
            .run(context -> assertThat(context).hasSingleBean(MountInstrumentation.class)
                .doesNotHaveBean(GatewayMeterObservationHandler.class));
    }

    @Test
    void recordsMetersWhenAMeterRegistryIsPresent() {
        runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .run(context -> {
                assertThat(context).hasSingleBean(GatewayMeterObservationHandler.class);
                assertThat(context.getBeansOfType(MountInstrumentation.class)).hasSize(2);
            });
    }

    @Test
    void namesObservationsByTheDefaultConvention() {
        List<Observation.Context> seen = new CopyOnWriteArrayList<>();
        runner.withBean(ObservationRegistry.class, () -> registryRecording(seen)).run(context -> {
            serveOneRequest(context.getBean(Mounts.class));
            assertThat(seen).singleElement().satisfies(observed -> {
                assertThat(observed.getName()).isEqualTo("gateway.requests");
                assertThat(observed.getLowCardinalityKeyValue("app").getValue()).isEqualTo("hello");
                assertThat(observed.getLowCardinalityKeyValue("status").getValue()).isEqualTo("200");
            });
        });
    }

    @Test
    void usesAConventionBeanInsteadOfTheDefault() {
        List<Observation.Context> seen = new CopyOnWriteArrayList<>();
        runner.withBean(ObservationRegistry.class, () -> registryRecording(seen))
            .withBean(GatewayObservationConvention.class, () -> new DefaultGatewayObservationConvention() {

                @Override
                public String getName() {
                    return "legacy.requests";
                }
            })
            .run(context -> {
                serveOneRequest(context.getBean(Mounts.class));
                assertThat(seen).singleElement().satisfies(observed -> assertThat(observed.getName()).isEqualTo("legacy.requests"));
            });
    }

    private static void serveOneRequest(Mounts mounts) {
        StubExchange exchange = new StubExchange("GET");
        mounts.all().get(0).gateway().handle(exchange);
        assertThat(exchange.status()).isEqualTo(200);
    }

    private static ObservationRegistry registryRecording(List<Observation.Context> seen) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {

            @Override
            public void onStop(Observation.Context context) {
                seen.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof GatewayObservationContext;
            }
        });
        return registry;
    }
}
