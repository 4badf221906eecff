package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.mount.Mounts;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.PathContainer;

/**
 * Mount every {@link Application} bean and {@link MountDefinition} of a web application, as
 * {@code gateway.apps.*} says, inside the {@link GatewayMiddleware} beans.
 * The stack-specific configurations serve the resulting {@link Mounts}.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass({ Application.class, PathContainer.class })
@EnableConfigurationProperties(GatewayProperties.class)
public final class GatewayAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Mounts gatewayMounts(ListableBeanFactory beanFactory, GatewayProperties properties,
            ObjectProvider<MountDefinition> definitions, ObjectProvider<MountInstrumentation> instrumentations,
            ObjectProvider<GatewayMiddleware> middleware) {
        return new MountResolver(properties, instrumentations.orderedStream().toList(),
                MountMiddleware.of(beanFactory, middleware))
            .resolve(beanFactory.getBeansOfType(Application.class), definitions.orderedStream().toList());
    }
}
