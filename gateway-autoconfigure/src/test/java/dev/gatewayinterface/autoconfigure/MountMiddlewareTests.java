package dev.gatewayinterface.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.autoconfigure.actuate.GatewayEndpoint;
import dev.gatewayinterface.autoconfigure.actuate.GatewayEndpointAutoConfiguration;
import dev.gatewayinterface.middleware.ContractValidator;
import dev.gatewayinterface.middleware.Middleware;
import dev.gatewayinterface.middleware.errors.ErrorCatcher;
import dev.gatewayinterface.mount.Mount;
import dev.gatewayinterface.mount.Mounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Check that {@link GatewayAutoConfiguration} wraps mounted applications in the {@link GatewayMiddleware} beans, as
 * {@link MountMiddleware} chooses them.
 */
class MountMiddlewareTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GatewayAutoConfiguration.class))
            .withUserConfiguration(Layers.class)
            .withBean("site", Application.class, () -> (environ, start) -> List.of())
            .withBean("api", Application.class, () -> (environ, start) -> List.of())
            .withPropertyValues("gateway.apps.api.path=/api");

    @Test
    void wrapsEveryMountInEveryMiddlewareBeanLowestOrderOutermost() {
        runner.run(context -> {
            assertThat(layers(context.getBean(Mounts.class), "site")).containsExactly("errors", "tagged", "Application");
            assertThat(layers(context.getBean(Mounts.class), "api")).containsExactly("errors", "tagged", "Application");
        });
    }

    @Test
    void wrapsAMountInTheMiddlewareItNamesInTheOrderItNamesThem() {
        runner.withPropertyValues("gateway.apps.api.middleware=tagged,errors").run(context -> {
            assertThat(layers(context.getBean(Mounts.class), "api")).containsExactly("tagged", "errors", "Application");
            assertThat(layers(context.getBean(Mounts.class), "site")).containsExactly("errors", "tagged", "Application");
        });
    }

    @Test
    void leavesAMountThatNamesNoMiddlewareUnwrapped() {
        runner.withPropertyValues("gateway.apps.api.middleware=").run(context ->
                assertThat(layers(context.getBean(Mounts.class), "api")).containsExactly("Application"));
    }

    @Test
    void putsTheContractValidatorAroundTheWholeStack() {
        runner.withPropertyValues("gateway.validate=true").run(context ->
                assertThat(layers(context.getBean(Mounts.class), "site"))
                    .containsExactly("validator", "errors", "tagged", "Application"));
    }

    @Test
    void failsAtStartupNamingAMiddlewareThatIsNoBean() {
        runner.withPropertyValues("gateway.apps.api.middleware=errors,auth").run(context ->
                assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidMountsException.class)
                    .hasMessage("gateway.apps.api.middleware names 'auth', which is no GatewayMiddleware bean; "
                            + "the GatewayMiddleware beans are [errors, tagged]"));
    }

    @Test
    void failsAtStartupOnABlankMiddlewareNameNamingTheProperty() {
        runner.withPropertyValues("gateway.apps.api.middleware[0]= ").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                    .hasMessage("gateway.apps.<name>.middleware lists GatewayMiddleware bean names, not \"\""));
    }

    @Test
    void showsTheMiddlewareInTheGatewayEndpoint() {
        runner.withConfiguration(AutoConfigurations.of(GatewayEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=gateway")
            .run(context -> assertThat(context.getBean(GatewayEndpoint.class).gateway().mounts())
                .allSatisfy(mount -> assertThat(mount.middleware())
                    .containsExactly(ErrorCatcher.class.getName(), Tagged.class.getName())));
    }

    /** Return the chain of a mount, outermost first, named as the test's beans make it. */
    private static List<String> layers(Mounts mounts, String name) {
        Application application = mounts.all().stream().filter(mount -> mount.name().equals(name))
            .map(mount -> mount.gateway().application()).findFirst().orElseThrow();
        List<String> names = new ArrayList<>();
        while (application instanceof Middleware middleware) {
            names.add(middleware instanceof ContractValidator ? "validator"
                    : middleware instanceof ErrorCatcher ? "errors" : "tagged");
            application = middleware.next();
        }
        names.add("Application");
        return names;
    }

    @Configuration(proxyBeanMethods = false)
    static class Layers {

        // Declared in the reverse of their order, so that only @Order can put them right.
        @Bean
        @Order(2)
        GatewayMiddleware tagged() {
            return application -> new Tagged(application);
        }

        @Bean
        @Order(1)
        GatewayMiddleware errors() {
            return ErrorCatcher::new;
        }
    }

    /** Pass every request on; only its place in the chain matters. */
    record Tagged(Application next) implements Middleware {

        @Override
        public Iterable<byte[]> call(Map<String, Object> environ, StartResponse start) throws Exception {
            return next.call(environ, start);
        }
    }
}
