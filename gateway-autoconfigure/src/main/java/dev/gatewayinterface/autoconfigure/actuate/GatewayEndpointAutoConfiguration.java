package dev.gatewayinterface.autoconfigure.actuate;

import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.autoconfigure.uwsgi.GatewayUwsgiAutoConfiguration;
import dev.gatewayinterface.autoconfigure.webflux.GatewayExecutorMonitor;
import dev.gatewayinterface.autoconfigure.webflux.GatewayWebFluxAutoConfiguration;
import dev.gatewayinterface.mount.Mounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Expose the gateway actuator endpoint, {@code /actuator/gateway}, when actuator is present and the
 * endpoint is exposed ({@code management.endpoints.web.exposure.include}).
 */
@AutoConfiguration(after = { GatewayAutoConfiguration.class, GatewayWebFluxAutoConfiguration.class,
        GatewayUwsgiAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(Mounts.class)
@ConditionalOnAvailableEndpoint(GatewayEndpoint.class)
public final class GatewayEndpointAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    static class ServletGatewayEndpoint {

        @Bean
        @ConditionalOnMissingBean
        GatewayEndpoint gatewayEndpoint(Mounts mounts, ObjectProvider<GatewayEndpointContributor> contributors,
                ObjectProvider<GatewayListener> listeners) {
            // Applications run on Tomcat's request threads: there is no executor of the gateway's to describe.
            return new GatewayEndpoint(mounts, "servlet", null, contributors.orderedStream().toList(),
                    listeners.orderedStream().toList());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.REACTIVE)
    static class ReactiveGatewayEndpoint {

        @Bean
        @ConditionalOnMissingBean
        GatewayEndpoint gatewayEndpoint(Mounts mounts, ObjectProvider<GatewayExecutorMonitor> executor,
                ObjectProvider<GatewayEndpointContributor> contributors, ObjectProvider<GatewayListener> listeners) {
            GatewayExecutorMonitor monitor = executor.getIfAvailable();
            // No monitor where no application is served, and so no executor runs any.
            return new GatewayEndpoint(mounts, "reactive", monitor != null ? monitor::state : null,
                    contributors.orderedStream().toList(), listeners.orderedStream().toList());
        }
    }
}
