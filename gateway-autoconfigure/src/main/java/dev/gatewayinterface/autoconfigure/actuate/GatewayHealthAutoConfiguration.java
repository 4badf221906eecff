package dev.gatewayinterface.autoconfigure.actuate;

import dev.gatewayinterface.autoconfigure.GatewayProperties;
import dev.gatewayinterface.autoconfigure.webflux.GatewayExecutorMonitor;
import dev.gatewayinterface.autoconfigure.webflux.GatewayWebFluxAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Contribute the health of the reactive stack's application executor, as {@code gateway} under
 * {@code /actuator/health}; {@code management.health.gateway.enabled=false} turns it off.
 */
@AutoConfiguration(after = GatewayWebFluxAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(GatewayExecutorMonitor.class)
@ConditionalOnEnabledHealthIndicator("gateway")
public final class GatewayHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "gatewayHealthIndicator")
    GatewayExecutorHealthIndicator gatewayHealthIndicator(GatewayExecutorMonitor executor,
            GatewayProperties properties) {
        return new GatewayExecutorHealthIndicator(executor, properties.getReactive().refusingHold());
    }
}
