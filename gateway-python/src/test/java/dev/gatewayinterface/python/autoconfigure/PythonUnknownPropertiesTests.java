package dev.gatewayinterface.python.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.autoconfigure.UnknownPropertyException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * Check that a misspelt gateway.python.* key fails startup naming the nearest setting, even when the typo keeps the
 * Python configuration from starting at all.
 */
class PythonUnknownPropertiesTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GatewayAutoConfiguration.class));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "gateway.python.pycache-dirr,        gateway.python.pycache-dir",
        "gateway.python.app.shop.app,        gateway.python.apps.shop.app",
        "gateway.python.apps.shop.pool-sise, gateway.python.apps.shop.pool-size",
    })
    void failsStartupOnAMisspeltPythonKeyNamingTheNearestSetting(String key, String nearest) {
        runner.withPropertyValues(key + "=x").run(context -> assertThat(context.getStartupFailure()).rootCause()
            .isInstanceOfSatisfying(UnknownPropertyException.class,
                    failure -> assertThat(failure.getAction()).contains("'" + nearest + "'")));
    }
}
