package dev.gatewayinterface.python.autoconfigure;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publish the Python applications' pools: as Micrometer meters when Micrometer is present, as the
 * {@code gatewayPython} health contributor when Spring Boot's health support is
 * ({@code management.health.gateway-python.enabled=false} turns it off), and in each mount's details at
 * {@code /actuator/gateway} when actuator is. docs/PYTHON.md lists them.
 */
@AutoConfiguration(after = GatewayPythonAutoConfiguration.class)
@ConditionalOnBean(PythonApplications.class)
public final class GatewayPythonObservabilityAutoConfiguration {

    /** Record each pool's figures as meters. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static final class PoolMetrics {

        @Bean
        @ConditionalOnMissingBean(name = "gatewayPythonPoolMetrics")
        PythonPoolMetrics gatewayPythonPoolMetrics(PythonApplications applications) {
            return new PythonPoolMetrics(applications);
        }
    }

    /** Show each application's pool at /actuator/gateway, when actuator is there to serve it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static final class PoolEndpointDetails {

        @Bean
        @ConditionalOnMissingBean(name = "gatewayPythonEndpointContributor")
        PythonEndpointContributor gatewayPythonEndpointContributor(PythonApplications applications) {
            return new PythonEndpointContributor(name -> applications.poolStates().get(name));
        }
    }

    /** Report an application without a working context as down. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
    @ConditionalOnEnabledHealthIndicator("gateway-python")
    static final class PoolHealth {

        @Bean
        @ConditionalOnMissingBean(name = "gatewayPythonHealthIndicator")
        PythonHealthIndicator gatewayPythonHealthIndicator(PythonApplications applications) {
            return new PythonHealthIndicator(applications::poolStates);
        }
    }
}
