package dev.gatewayinterface.autoconfigure.webflux;

import dev.gatewayinterface.autoconfigure.GatewayLimits;
import dev.gatewayinterface.autoconfigure.GatewayProperties;
import dev.gatewayinterface.reactive.NettyRequestGuard;
import io.netty.handler.codec.http.HttpDecoderConfig;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import reactor.netty.http.server.HttpRequestDecoderSpec;
import reactor.netty.http.server.HttpServer;

/**
 * Guard the whole Reactor Netty server as docs/SPEC.md §14 says: the request decoder's line and header limits and
 * the idle timeout from {@code gateway.limits.*} and {@code gateway.timeouts.*}, the same decoder reading a bare LF,
 * Content-Length beside chunked and chunk-size lines as Tomcat does ({@code gateway.guard.align-decoder}), and the
 * {@link NettyRequestGuard} behind the HTTP codec of every connection. This changes what the server accepts for
 * every request, the controllers' too, so {@code gateway.guard.enabled=false} turns it off (docs/REACTIVE.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ HttpServer.class, NettyReactiveWebServerFactory.class })
@ConditionalOnBooleanProperty(name = "gateway.guard.enabled", matchIfMissing = true)
class GatewayNettyConfiguration {

    /** The system properties with which Netty's own decoder defaults are set for the whole JVM. */
    static final List<String> NETTY_DECODER_PROPERTIES = List.of("io.netty.handler.codec.http.defaultStrictLineParsing",
            "io.netty.handler.codec.http.rfc9112TransferEncoding");

    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> gatewayNettyGuardCustomizer(
            GatewayProperties properties, Environment environment) {
        GatewayLimits limits = new GatewayLimits(properties, environment);
        // An operator's own choice of Netty's decoder defaults, made for the whole JVM, stands.
        boolean alignDecoder = properties.getGuard().isAlignDecoder()
                && NETTY_DECODER_PROPERTIES.stream().allMatch(name -> System.getProperty(name) == null);
        return new GuardCustomizer(limits.maxRequestLine(), limits.maxHeaderSize(),
                properties.getLimits().getMaxHeaderCount(), properties.getTimeouts().getRequestHeader(),
                limits.keepAlive("server.netty.idle-timeout"), alignDecoder);
    }

    /**
     * Apply after Spring Boot's own customizer, whose request-decoder settings ({@code server.netty.*}) it keeps
     * but for the two limits.
     */
    private record GuardCustomizer(int maxRequestLine, int maxHeaderSize, int maxHeaderCount, Duration headerTimeout,
            Duration keepAlive, boolean alignDecoder) implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

        @Override
        public void customize(NettyReactiveWebServerFactory factory) {
            factory.addServerCustomizers((NettyServerCustomizer) this::guard);
        }

        private HttpServer guard(HttpServer server) {
            HttpRequestDecoderSpec current = server.configuration().decoder();
            HttpServer guarded = server
                .httpRequestDecoder(spec -> spec.validateHeaders(current.validateHeaders())
                    .initialBufferSize(current.initialBufferSize())
                    .allowDuplicateContentLengths(current.allowDuplicateContentLengths())
                    .h2cMaxContentLength(current.h2cMaxContentLength())
                    .maxChunkSize(current.maxChunkSize())
                    .allowPartialChunks(current.allowPartialChunks())
                    .maxInitialLineLength(maxRequestLine)
                    .maxHeaderSize(maxHeaderSize));
            HttpDecoderConfig decoder = alignDecoder ? NettyRequestGuard.alignedWithTomcat(guarded.configuration().decoder())
                    : null;
            guarded = guarded.doOnChannelInit((observer, channel, address) -> NettyRequestGuard.install(channel,
                    decoder, maxRequestLine, maxHeaderSize, maxHeaderCount, headerTimeout));
            return keepAlive != null ? guarded.idleTimeout(keepAlive) : guarded;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
