package dev.gatewayinterface.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.autoconfigure.GatewayMiddleware;
import dev.gatewayinterface.middleware.errors.ErrorCatcher;
import dev.gatewayinterface.testsupport.WithoutSecurity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Check that starting the quick start logs one line per mount, saying what is served where, on each stack.
 */
@ExtendWith(OutputCaptureExtension.class)
class MountsStartupLogTests {

    @Test
    void logsEachMountOnceTomcatListens(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("servlet")) {
            assertThat(output).contains("Mounted 'hello' at / on Tomcat (Spring MVC), on Tomcat's request threads, "
                    + "validator on");
        }
    }

    @Test
    void logsEachMountOnceReactorNettyListens(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("reactive")) {
            assertThat(output).contains("Mounted 'hello' at / on Netty (WebFlux), on gatewayTaskExecutor's pooled "
                    + "threads, validator on");
        }
    }

    @Test
    void logsEachMountOnceWhenActuatorListensOnAPortOfItsOwn(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("servlet", List.of(), "management.server.port=0")) {
            assertThat(output.getOut().split("Mounted 'hello' at /", -1)).hasSize(2);
        }
    }

    @Test
    void warnsOfStackTracePagesWhenTheServerListensOnEveryAddress(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("servlet", List.of(DebugErrorPages.class))) {
            assertThat(output).contains("Mount 'hello' shows stack traces through ErrorCatcher.debug while the server "
                    + "listens on every address (server.address)");
        }
    }

    @Test
    void trustsStackTracePagesToAServerOnTheLoopbackAddress(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("reactive", List.of(DebugErrorPages.class),
                "server.address=127.0.0.1")) {
            assertThat(output).contains("Mounted 'hello' at /").doesNotContain("ErrorCatcher.debug");
        }
    }

    private static ConfigurableApplicationContext start(String stack) {
        return start(stack, List.of());
    }

    private static ConfigurableApplicationContext start(String stack, List<Class<?>> extra, String... properties) {
        return new SpringApplicationBuilder(QuickStartApplication.class).sources(extra.toArray(Class<?>[]::new))
            .properties("server.port=0", "gateway.validate=true", "spring.main.web-application-type=" + stack,
                    WithoutSecurity.EXCLUDED)
            .properties(properties)
            .run();
    }

    /** Show stack traces in every mount's error pages, as a developer does on their machine. */
    @Configuration(proxyBeanMethods = false)
    static class DebugErrorPages {

        @Bean
        GatewayMiddleware debugErrorPages() {
            return ErrorCatcher::debug;
        }
    }
}
