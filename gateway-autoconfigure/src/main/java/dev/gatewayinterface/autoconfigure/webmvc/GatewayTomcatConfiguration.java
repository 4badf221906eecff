package dev.gatewayinterface.autoconfigure.webmvc;

import dev.gatewayinterface.autoconfigure.GatewayProperties;
import java.util.Locale;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Apply the Tomcat connector settings that {@code gateway.servlet.*} asks for, so that request paths SPEC §2
 * accepts reach a mount; each changes what Tomcat accepts for the whole application, so none is applied unless
 * its property is set (docs/SERVING.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ Connector.class, TomcatServletWebServerFactory.class })
@ConditionalOnProperty("gateway.servlet.encoded-slash")
class GatewayTomcatConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> gatewayEncodedSlashCustomizer(
            GatewayProperties properties) {
        String handling = properties.getServlet().getEncodedSlash().name().toLowerCase(Locale.ROOT);
        return factory -> factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling(handling));
    }
}
