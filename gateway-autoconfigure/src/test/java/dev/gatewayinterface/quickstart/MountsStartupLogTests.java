package dev.gatewayinterface.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

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

    private static ConfigurableApplicationContext start(String stack) {
        return new SpringApplicationBuilder(QuickStartApplication.class)
            .properties("server.port=0", "gateway.validate=true", "spring.main.web-application-type=" + stack,
                    WithoutSecurity.EXCLUDED)
            .run();
    }
}
