package dev.gatewayinterface.autoconfigure.webmvc;

import dev.gatewayinterface.autoconfigure.ConditionalOnMountedApplications;
import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.autoconfigure.GatewayProperties;
import dev.gatewayinterface.mount.Mounts;
import dev.gatewayinterface.servlet.ServletAbortFilter;
import dev.gatewayinterface.servlet.ServletGatewayAdapter;
import dev.gatewayinterface.servlet.ServletRequestBodyFilter;
import dev.gatewayinterface.servlet.TomcatExactContentTypeValve;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Serve mounted applications on Spring MVC: a handler mapping beside the controllers' own, and the
 * safeguards that keep request bodies for the applications (docs/SPEC.md §10).
 */
@AutoConfiguration(after = GatewayAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, HttpServletRequest.class })
@ConditionalOnBean(Mounts.class)
@ConditionalOnMountedApplications
@Import({ GatewayTomcatConfiguration.class, GatewayTomcatGuardConfiguration.class })
public final class GatewayWebMvcAutoConfiguration {

    @Bean
    GatewayHandlerMapping gatewayHandlerMapping(Mounts mounts, GatewayProperties properties) {
        // The guard sets Tomcat's upload timeout from gateway.timeouts.request-body; without it Tomcat's own applies.
        String bodyTimeout = properties.getGuard().isEnabled()
                ? DurationStyle.SIMPLE.print(properties.getTimeouts().getRequestBody())
                        + " (gateway.timeouts.request-body)"
                : "the connection timeout (server.tomcat.connection-timeout)";
        return new GatewayHandlerMapping(mounts, mount -> new ServletGatewayAdapter(mount.gateway(), bodyTimeout,
                properties.errorsOf(mount.name()) == GatewayProperties.ErrorHandling.SPRING));
    }

    @Bean
    ServletRequestBodyFilter gatewayRequestBodyFilter(Mounts mounts, GatewayProperties properties,
            ListableBeanFactory beans) {
        return new ServletRequestBodyFilter(mounts, new PrecedingHandlerMappings(beans),
                (int) properties.getServlet().getBodyReplayLimit().toBytes());
    }

    /**
     * Close the connection of an aborted response from outside the DispatcherServlet and the security chain,
     * without an error page (docs/SPEC.md §7).
     */
    @Bean
    ServletAbortFilter gatewayAbortFilter() {
        return new ServletAbortFilter();
    }

    /**
     * Make multipart resolution lazy: eager resolution parses (and so consumes) every multipart body before
     * the DispatcherServlet knows which handler gets it, including bodies bound for a mounted application.
     * This changes every multipart request of the application (parts are parsed when first asked for), so
     * {@code gateway.servlet.lazy-multipart=false} turns it off where no mount takes multipart bodies.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "gateway.servlet.lazy-multipart", matchIfMissing = true)
    static BeanPostProcessor gatewayLazyMultipartResolution() {
        return new BeanPostProcessor() {

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof StandardServletMultipartResolver resolver) {
                    resolver.setResolveLazily(true);
                }
                return bean;
            }
        };
    }

    /**
     * Keep the applications' Content-Type bytes on Tomcat, which re-serialises any value naming a charset
     * (docs/SPEC.md §10.5).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    @ConditionalOnProperty(name = "gateway.servlet.exact-content-type", matchIfMissing = true)
    static class TomcatExactContentTypeConfiguration {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> gatewayExactContentTypeCustomizer() {
            return factory -> factory.addEngineValves(new TomcatExactContentTypeValve());
        }
    }

    /**
     * Keep the connection's own peer, scheme and forwarded headers for mounts when Tomcat's RemoteIpValve rewrites
     * the request for Spring's handlers (docs/SPEC.md §16).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    static class TomcatConnectionConfiguration {

        @Bean
        TomcatConnectionValveCustomizer gatewayConnectionValveCustomizer() {
            return new TomcatConnectionValveCustomizer();
        }
    }
}
