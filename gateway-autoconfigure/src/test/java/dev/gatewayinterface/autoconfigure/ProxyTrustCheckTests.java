package dev.gatewayinterface.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.engine.TrustedProxies;
import dev.gatewayinterface.quickstart.QuickStartApplication;
import dev.gatewayinterface.testsupport.WithoutSecurity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Check which combinations of gateway.proxy.trusted and server.forward-headers-strategy draw a warning at startup:
 * exactly those that let a client forge forwarded values.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProxyTrustCheckTests {

    private static final TrustedProxies PROXY = TrustedProxies.of(List.of("10.0.0.5"));

    @Test
    void staysQuietWhenNothingBelievesForwardedHeaders() {
        assertThat(check(PROXY).warnings(new MockEnvironment(), "Tomcat", false)).isEmpty();
        assertThat(check(TrustedProxies.NONE).warnings(new MockEnvironment(), "Netty", true)).isEmpty();
    }

    @Test
    void warnsWhenTheGatewayTrustsEveryAddress() {
        assertThat(check(TrustedProxies.of(List.of("::/0"))).warnings(new MockEnvironment(), "Tomcat", false))
            .singleElement().asString()
            .startsWith("gateway.proxy.trusted=::/0 trusts every address, so any client that reaches the server can "
                    + "forge REMOTE_ADDR");
    }

    @Test
    void warnsThatTheFrameworkStrategyBelievesEveryClient() {
        assertThat(check(PROXY).warnings(strategy("framework"), "Tomcat", false)).singleElement().asString()
            .startsWith("server.forward-headers-strategy=framework believes forwarded headers from every client, so "
                    + "any client can forge the address and scheme that controllers")
            .contains("mounted applications follow gateway.proxy.trusted (10.0.0.5) instead");
    }

    @Test
    void warnsThatTomcatsNativeStrategyBelievesEveryPrivateAddressUntilTheProxiesAreNamed() {
        assertThat(check(PROXY).warnings(strategy("native"), "Tomcat", false)).singleElement().asString()
            .contains("makes Tomcat believe forwarded headers from every loopback and private address")
            .contains("Set server.tomcat.remoteip.internal-proxies");
        MockEnvironment named = strategy("native").withProperty("server.tomcat.remoteip.internal-proxies", "10\\.0\\.0\\.5");
        assertThat(check(PROXY).warnings(named, "Tomcat", false)).isEmpty();
    }

    @Test
    void warnsThatReactorNettysNativeStrategyBelievesEveryClient() {
        assertThat(check(PROXY).warnings(strategy("NATIVE"), "Netty", true)).singleElement().asString()
            .contains("makes Reactor Netty believe forwarded headers from every client");
    }

    @Test
    void warnsThatMountsAreForgedTooOnAServerThatRewritesRequestsBeforeTheBinding() {
        assertThat(check(PROXY).warnings(strategy("native"), "Jetty", false)).singleElement().asString()
            .startsWith("server.forward-headers-strategy=native rewrites every request on Jetty from its forwarded "
                    + "headers before the gateway sees it, so a client can forge what mounted applications see too");
        assertThat(check(PROXY).warnings(strategy("framework"), "Tomcat", true)).singleElement().asString()
            .contains("rewrites every request on Tomcat");
    }

    @Test
    void saysWhenSpringBootTurnedTheNativeStrategyOnForKubernetes() {
        MockEnvironment kubernetes = new MockEnvironment();
        kubernetes.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443")));
        assertThat(check(PROXY).warnings(kubernetes, "Tomcat", false)).singleElement().asString()
            .startsWith("server.forward-headers-strategy=native (Spring Boot turned it on for KUBERNETES) makes Tomcat");
    }

    @Test
    void warnsOnceWhenTheServerListensEvenWithActuatorOnAPortOfItsOwn(CapturedOutput output) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(QuickStartApplication.class)
            .properties("server.port=0", "management.server.port=0", "server.forward-headers-strategy=framework",
                    "spring.main.web-application-type=servlet", WithoutSecurity.EXCLUDED)
            .run()) {
            assertThat(output.getOut().split("server.forward-headers-strategy=framework believes", -1)).hasSize(2);
        }
    }

    private static ProxyTrustCheck check(TrustedProxies trusted) {
        return new ProxyTrustCheck(trusted);
    }

    private static MockEnvironment strategy(String strategy) {
        return new MockEnvironment().withProperty("server.forward-headers-strategy", strategy);
    }
}
