package dev.gatewayinterface.autoconfigure.observation;

import dev.gatewayinterface.autoconfigure.MountInstrumentation;
import dev.gatewayinterface.engine.RequestObserver;
import dev.gatewayinterface.middleware.ContractViolationException;
import dev.gatewayinterface.observation.GatewayMeterObservationHandler;
import dev.gatewayinterface.observation.GatewayMetrics;
import dev.gatewayinterface.observation.GatewayObservationConvention;
import dev.gatewayinterface.observation.ObservingRequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Observe the requests of every mounted application through Micrometer's Observation API, and record the
 * gateway's meters when a meter registry is present (docs/METRICS.md).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ ObservationRegistry.class, RequestObserver.class })
@ConditionalOnBean(ObservationRegistry.class)
public final class GatewayObservationAutoConfiguration {

    @Bean
    MountInstrumentation gatewayObservations(ObservationRegistry registry,
            ObjectProvider<GatewayObservationConvention> convention) {
        GatewayObservationConvention custom = convention.getIfAvailable();
        return application -> new ObservingRequestObserver(application, registry, custom);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class GatewayMeters {

        @Bean
        GatewayMeterObservationHandler gatewayMeterObservationHandler(MeterRegistry registry) {
            return new GatewayMeterObservationHandler(registry);
        }

        @Bean
        MountInstrumentation gatewayViolationCounter(MeterRegistry registry) {
            return new MountInstrumentation() {

                @Override
                public RequestObserver requestObserver(String application) {
                    return RequestObserver.NONE;
                }

                @Override
                public Consumer<ContractViolationException> violationListener(String application) {
                    return violation -> Counter.builder(GatewayMetrics.CONTRACT_VIOLATIONS.getName())
                        .description(GatewayMetrics.CONTRACT_VIOLATIONS.getDescription())
                        .tag(GatewayMetrics.Tags.APP, application)
                        .tag(GatewayMetrics.Tags.RULE, violation.rule().id())
                        .register(registry)
                        .increment();
                }
            };
        }
    }
}
