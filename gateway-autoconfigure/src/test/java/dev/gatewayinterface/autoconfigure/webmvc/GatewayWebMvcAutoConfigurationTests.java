package dev.gatewayinterface.autoconfigure.webmvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.mount.Mounts;
import dev.gatewayinterface.servlet.HeaderTimeoutHttp11NioProtocol;
import dev.gatewayinterface.servlet.ServletRequestBodyFilter;
import dev.gatewayinterface.servlet.TomcatRequestGuardValve;
import dev.gatewayinterface.servlet.TomcatExactContentTypeValve;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.gatewayinterface.autoconfigure.MountDefinition;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.Http11Nio2Protocol;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Check that {@link GatewayWebMvcAutoConfiguration} serves the mounts on Spring MVC only, beside the
 * controllers, and keeps request bodies for the mounted applications.
 */
class GatewayWebMvcAutoConfigurationTests {

    private static final AutoConfigurations GATEWAY = AutoConfigurations.of(GatewayAutoConfiguration.class,
            GatewayWebMvcAutoConfiguration.class);

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(GATEWAY)
            .withBean("hello", Application.class, GatewayWebMvcAutoConfigurationTests::application);

    @Test
    void servesTheMountsOfAServletWebApplication() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(GatewayHandlerMapping.class);
            assertThat(context).hasSingleBean(ServletRequestBodyFilter.class);
            assertThat(ReflectionTestUtils.getField(context.getBean(GatewayHandlerMapping.class), "mounts"))
                    .isSameAs(context.getBean(Mounts.class));
        });
    }

    @Test
    void servesAUserDefinedMountsBean() {
        Mounts own = new Mounts(List.of());
        runner.withBean("ownMounts", Mounts.class, () -> own).run(context -> {
            assertThat(ReflectionTestUtils.getField(context.getBean(GatewayHandlerMapping.class), "mounts"))
                    .isSameAs(own);
            assertThat(ReflectionTestUtils.getField(context.getBean(ServletRequestBodyFilter.class), "mounts"))
                    .isSameAs(own);
        });
    }

    @Test
    void addsTheExactContentTypeValveToTomcat() {
        runner.run(context -> {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
            context.getBean("gatewayExactContentTypeCustomizer", WebServerFactoryCustomizer.class).customize(factory);
            assertThat(factory.getEngineValves()).hasExactlyElementsOfTypes(TomcatExactContentTypeValve.class);
        });
    }

    @Test
    void leavesTomcatAloneWhenExactContentTypeIsOff() {
        runner.withPropertyValues("gateway.servlet.exact-content-type=false")
            .run(context -> assertThat(context).doesNotHaveBean("gatewayExactContentTypeCustomizer"));
    }

    @Test
    void backsOffWithoutMounts() {
        assertBacksOff(new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(GatewayWebMvcAutoConfiguration.class)));
    }

    @Test
    void backsOffOnAReactiveWebApplication() {
        assertBacksOff(new ReactiveWebApplicationContextRunner().withConfiguration(GATEWAY));
    }

    @Test
    void backsOffOutsideAWebApplication() {
        assertBacksOff(new ApplicationContextRunner().withConfiguration(GATEWAY));
    }

    @Test
    void makesSpringBootsMultipartResolverLazy() {
        AutoConfigurations multipart = AutoConfigurations.of(MultipartAutoConfiguration.class);
        new WebApplicationContextRunner().withConfiguration(multipart)
                .run(context -> assertThat(resolvesLazily(context.getBean(StandardServletMultipartResolver.class)))
                        .as("Spring Boot's default").isFalse());
        runner.withConfiguration(multipart)
                .run(context -> assertThat(resolvesLazily(context.getBean(StandardServletMultipartResolver.class)))
                        .isTrue());
    }

    @Test
    void makesAUserDefinedMultipartResolverLazy() {
        runner.withBean("multipartResolver", StandardServletMultipartResolver.class,
                StandardServletMultipartResolver::new)
                .run(context -> assertThat(resolvesLazily(context.getBean(StandardServletMultipartResolver.class)))
                        .isTrue());
    }

    @Test
    void leavesMultipartResolutionAloneWhenLazyMultipartIsOff() {
        runner.withConfiguration(AutoConfigurations.of(MultipartAutoConfiguration.class))
                .withPropertyValues("gateway.servlet.lazy-multipart=false")
                .run(context -> assertThat(resolvesLazily(context.getBean(StandardServletMultipartResolver.class)))
                        .isFalse());
    }

    @Test
    void changesTomcatsEncodedSlashHandlingOnlyWhenAsked() {
        runner.run(context -> assertThat(context).doesNotHaveBean("gatewayEncodedSlashCustomizer"));
        runner.withPropertyValues("gateway.servlet.encoded-slash=passthrough").run(context -> {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
            @SuppressWarnings("unchecked")
            WebServerFactoryCustomizer<TomcatServletWebServerFactory> customizer = context
                .getBean("gatewayEncodedSlashCustomizer", WebServerFactoryCustomizer.class);
            customizer.customize(factory);
            Connector connector = new Connector();
            factory.getConnectorCustomizers().forEach(each -> each.customize(connector));
            assertThat(connector.getEncodedSolidusHandling()).isEqualTo("passthrough");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void guardsTomcatWithTheGatewaysLimitsAndTimeouts() {
        runner.withPropertyValues("gateway.timeouts.request-header=3s", "gateway.timeouts.request-body=4s")
            .run(context -> {
                TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
                context.getBean("gatewayTomcatGuardCustomizer", WebServerFactoryCustomizer.class).customize(factory);
                assertThat(factory.getEngineValves()).hasExactlyElementsOfTypes(TomcatRequestGuardValve.class);
                assertThat(factory.getProtocol()).isEqualTo(HeaderTimeoutHttp11NioProtocol.class.getName());
                Connector connector = new Connector(factory.getProtocol());
                factory.getConnectorCustomizers().forEach(each -> each.customize(connector));
                factory.getProtocolHandlerCustomizers()
                    .forEach(each -> ((TomcatProtocolHandlerCustomizer<ProtocolHandler>) each)
                        .customize(connector.getProtocolHandler()));
                HeaderTimeoutHttp11NioProtocol http = (HeaderTimeoutHttp11NioProtocol) connector.getProtocolHandler();
                // Tomcat holds the request line and the headers in one buffer: room for both limits.
                assertThat(http.getMaxHttpRequestHeaderSize()).isEqualTo(8192 + 8192);
                assertThat(http.getMaxHeaderCount()).isEqualTo(100);
                assertThat(http.getMaxExtensionSize()).isEqualTo(8192);
                assertThat(http.getMaxTrailerSize()).isEqualTo(8192);
                assertThat(http.getKeepAliveTimeout()).isEqualTo(60_000);
                assertThat(http.getContinueResponseTiming()).isEqualTo("onRead");
                assertThat(http.getDisableUploadTimeout()).isFalse();
                assertThat(http.getConnectionUploadTimeout()).isEqualTo(4000);
                assertThat(http.getRequestHeaderTimeout()).isEqualTo(Duration.ofSeconds(3));
            });
    }

    @Test
    void leavesTomcatsOwnKeepAliveTimeoutWhenTheDeployerSetIt() {
        runner.withPropertyValues("server.tomcat.keep-alive-timeout=5m").run(context -> {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
            context.getBean("gatewayTomcatGuardCustomizer", WebServerFactoryCustomizer.class).customize(factory);
            Connector connector = new Connector(factory.getProtocol());
            int before = ((HeaderTimeoutHttp11NioProtocol) connector.getProtocolHandler()).getKeepAliveTimeout();
            factory.getConnectorCustomizers().forEach(each -> each.customize(connector));
            assertThat(((HeaderTimeoutHttp11NioProtocol) connector.getProtocolHandler()).getKeepAliveTimeout())
                .isEqualTo(before);
        });
    }

    @Test
    void leavesAConnectorTheDeployerChoseInPlace() {
        runner.run(context -> {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
            factory.setProtocol(Http11Nio2Protocol.class.getName());
            context.getBean("gatewayTomcatGuardCustomizer", WebServerFactoryCustomizer.class).customize(factory);
            assertThat(factory.getProtocol()).isEqualTo(Http11Nio2Protocol.class.getName());
        });
    }

    @Test
    void leavesTomcatAloneWhenTheGuardIsOff() {
        runner.withPropertyValues("gateway.guard.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean("gatewayTomcatGuardCustomizer"));
    }

    @Test
    void bindsTheBodyReplayLimitToTheFilter() {
        runner.withPropertyValues("gateway.servlet.body-replay-limit=512KB")
                .run(context -> assertThat(
                        ReflectionTestUtils.getField(context.getBean(ServletRequestBodyFilter.class), "replayLimit"))
                        .isEqualTo(512 * 1024));
    }

    @Test
    void recordsUpToTwoMegabytesOfABodyByDefault() {
        runner.run(context -> assertThat(
                ReflectionTestUtils.getField(context.getBean(ServletRequestBodyFilter.class), "replayLimit"))
                .isEqualTo(2 * 1024 * 1024));
    }

    @Test
    void acceptsABodyReplayLimitOfZero() {
        runner.withPropertyValues("gateway.servlet.body-replay-limit=0")
                .run(context -> assertThat(
                        ReflectionTestUtils.getField(context.getBean(ServletRequestBodyFilter.class), "replayLimit"))
                        .isEqualTo(0));
    }

    @Test
    void failsOnANegativeBodyReplayLimitNamingTheProperty() {
        runner.withPropertyValues("gateway.servlet.body-replay-limit=-1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("gateway.servlet.body-replay-limit must be between 0 and 2GB, not -1B");
            assertThat(causes(context.getStartupFailure())).hasAtLeastOneElementOfType(BindException.class);
        });
    }

    @Test
    void failsOnABodyReplayLimitAboveTwoGigabytesNamingTheProperty() {
        runner.withPropertyValues("gateway.servlet.body-replay-limit=3GB")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessage("gateway.servlet.body-replay-limit must be between 0 and 2GB, not 3221225472B"));
    }

    @Test
    void ordersTheHandlerMappingAfterControllersAndRouterFunctionsAndBeforeStaticResources() {
        runner.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class))
                .run(context -> {
                    GatewayHandlerMapping gateway = context.getBean(GatewayHandlerMapping.class);
                    assertThat(gateway.getOrder()).isPositive();
                    List<HandlerMapping> mappings = new ArrayList<>(
                            context.getBeansOfType(HandlerMapping.class).values());
                    AnnotationAwareOrderComparator.sort(mappings);
                    int gatewayIndex = mappings.indexOf(gateway);
                    assertThat(mappings.indexOf(context.getBean(RequestMappingHandlerMapping.class)))
                            .isLessThan(gatewayIndex);
                    assertThat(mappings.indexOf(context.getBean(RouterFunctionMapping.class)))
                            .isLessThan(gatewayIndex);
                    assertThat(mappings.indexOf(context.getBean("resourceHandlerMapping", HandlerMapping.class)))
                            .isGreaterThan(gatewayIndex);
                });
    }

    /** Run a context that declares an application, so that only the condition under test keeps the gateway away. */
    private static void assertBacksOff(AbstractApplicationContextRunner<?, ?, ?> runner) {
        runner.withBean("hello", Application.class, GatewayWebMvcAutoConfigurationTests::application)
                .run(GatewayWebMvcAutoConfigurationTests::assertServesNothing);
    }

    /** Check that a context started and serves no mount: neither the handler mapping nor the body filter. */
    private static void assertServesNothing(ApplicationContextAssertProvider<?> context) {
        assertThat(context).hasNotFailed().doesNotHaveBean(GatewayHandlerMapping.class)
                .doesNotHaveBean(ServletRequestBodyFilter.class);
    }

    private static boolean resolvesLazily(StandardServletMultipartResolver resolver) {
        return (boolean) ReflectionTestUtils.getField(resolver, "resolveLazily");
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    private static Application application() {
        return (environ, start) -> List.of();
    }

    @Test
    void servesAMountDefinitionWithoutAnyApplicationBean() {
        new WebApplicationContextRunner().withConfiguration(GATEWAY)
            .withBean("definition", MountDefinition.class, () -> new MountDefinition("py", "/py",
                    (environ, start) -> java.util.List.of(), java.util.Map.of()))
            .run(context -> assertThat(context).hasSingleBean(GatewayHandlerMapping.class));
    }

    @Test
    void addsNothingWhenNothingIsMounted() {
        new WebApplicationContextRunner().withConfiguration(GATEWAY)
            .run(GatewayWebMvcAutoConfigurationTests::assertServesNothing);
    }
}
