package dev.gatewayinterface.middlewareguide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.autoconfigure.GatewayMiddleware;
import dev.gatewayinterface.middleware.Middleware;
import dev.gatewayinterface.middleware.auth.BasicAuthentication;
import dev.gatewayinterface.middleware.auth.CredentialCheck;
import dev.gatewayinterface.middleware.errors.ErrorCatcher;
import dev.gatewayinterface.mount.Mounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Declare the middleware beans docs/MIDDLEWARE.md shows, as they stand there, and check that they wrap a mount in
 * the order the page says: the lowest {@code @Order} outermost.
 */
class MiddlewareGuideTests {

    @Test
    void wrapsEveryMountInTheGuidesMiddlewareLowestOrderOutermost() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(GatewayAutoConfiguration.class))
            .withUserConfiguration(GuideMiddleware.class)
            .withBean("hello", Application.class, () -> (environ, start) -> List.of())
            .run(context -> {
                Application outer = context.getBean(Mounts.class).all().get(0).gateway().application();
                assertThat(outer).isInstanceOf(ErrorCatcher.class);
                assertThat(((Middleware) outer).next()).isInstanceOf(BasicAuthentication.class);
            });
    }

    @Configuration(proxyBeanMethods = false)
    static class GuideMiddleware {

        @Bean
        CredentialCheck users() {
            return CredentialCheck.of(Map.of("ada", "secret"));
        }

        @Bean
        @Order(1)
        GatewayMiddleware errorPages() {
            return ErrorCatcher::new;
        }

        @Bean
        @Order(2)
        GatewayMiddleware signedIn(CredentialCheck users) {
            return application -> new BasicAuthentication(application, "intranet", users);
        }
    }
}
