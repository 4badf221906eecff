package dev.gatewayinterface.autoconfigure.webmvc;

import dev.gatewayinterface.autoconfigure.GatewayLimits;
import dev.gatewayinterface.autoconfigure.GatewayProperties;
import dev.gatewayinterface.servlet.HeaderTimeoutHttp11NioProtocol;
import dev.gatewayinterface.servlet.TomcatRequestGuardValve;
import java.time.Duration;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11NioProtocol;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Guard the whole Tomcat server as docs/SPEC.md §14 says: the connector's limits and timeouts from
 * {@code gateway.limits.*} and {@code gateway.timeouts.*}, and a valve that answers Tomcat's own refusals of long
 * heads with 414 or 431. Tomcat counts the request line and the header lines in one buffer, so it is given room for
 * both limits and the gateway holds each one itself. This changes what Tomcat accepts for every request, the
 * controllers' too, so {@code gateway.guard.enabled=false} turns it off (docs/SERVING.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ Connector.class, TomcatServletWebServerFactory.class })
@ConditionalOnBooleanProperty(name = "gateway.guard.enabled", matchIfMissing = true)
class GatewayTomcatGuardConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> gatewayTomcatGuardCustomizer(
            GatewayProperties properties, Environment environment) {
        GatewayLimits limits = new GatewayLimits(properties, environment);
        GatewayProperties.Timeouts timeouts = properties.getTimeouts();
        return new GuardCustomizer(limits.maxRequestLine(), limits.maxHeaderSize(),
                properties.getLimits().getMaxHeaderCount(), timeouts.getRequestHeader(), timeouts.getRequestBody(),
                limits.keepAlive("server.tomcat.keep-alive-timeout"));
    }

    /** Apply after Spring Boot's own customizer, whose header limit it replaces. */
    private record GuardCustomizer(int maxRequestLine, int maxHeaderSize, int maxHeaderCount, Duration headerTimeout,
            Duration bodyTimeout, Duration keepAlive)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addConnectorCustomizers(this::guard);
            factory.addEngineValves(new TomcatRequestGuardValve(maxRequestLine, maxHeaderSize, maxHeaderCount));
            // Only Tomcat's default connector is swapped for one that times heads out: a deployer's choice stays.
            if (Http11NioProtocol.class.getName().equals(factory.getProtocol())) {
                factory.setProtocol(HeaderTimeoutHttp11NioProtocol.class.getName());
                factory.addProtocolHandlerCustomizers(handler -> {
                    if (handler instanceof HeaderTimeoutHttp11NioProtocol protocol) {
                        protocol.setRequestHeaderTimeout(headerTimeout);
                    }
                });
            }
        }

        private void guard(Connector connector) {
            if (!(connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http)) {
                return;
            }
            http.setMaxHttpRequestHeaderSize(maxRequestLine + maxHeaderSize);
            http.setMaxHeaderCount(maxHeaderCount);
            // A chunk-size line, extensions included, is held to the request-line limit, as Reactor Netty does.
            http.setMaxExtensionSize(maxRequestLine);
            http.setMaxTrailerSize(maxHeaderSize);
            // Invite the body only once the application reads it: a 100 Continue before a 413 would waste the upload.
            http.setContinueResponseTiming("onRead");
            http.setDisableUploadTimeout(false);
            http.setConnectionUploadTimeout((int) Math.min(Integer.MAX_VALUE, bodyTimeout.toMillis()));
            if (keepAlive != null) {
                http.setKeepAliveTimeout((int) Math.min(Integer.MAX_VALUE, keepAlive.toMillis()));
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
