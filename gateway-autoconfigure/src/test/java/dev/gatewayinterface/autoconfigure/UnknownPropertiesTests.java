package dev.gatewayinterface.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.gatewayinterface.Application;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/**
 * Check that a key under gateway.* that no setting reads fails startup, naming the nearest key that does, and that
 * every real setting, in every spelling Spring Boot binds, passes.
 */
class UnknownPropertiesTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GatewayAutoConfiguration.class))
        .withBean("hello", Application.class, () -> (environ, start) -> List.of());

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "gateway.apps.hello.pth,         gateway.apps.hello.path",
        "gateway.valdate,                gateway.validate",
        "gateway.app.hello.path,         gateway.apps.hello.path",
        "gateway.servlet.body-replay-lim, gateway.servlet.body-replay-limit",
        "gateway.reactive.max-thread,    gateway.reactive.max-threads",
        "gateway.error,                  gateway.errors",
        "gateway.uwsgi.bufer-size,       gateway.uwsgi.buffer-size",
        "gateway.limits.max-header,      gateway.limits.max-header-size",
        "gateway.timeouts.request-heder, gateway.timeouts.request-header",
        "gateway.apps.hello.limits.max-body, gateway.apps.hello.limits.max-request-body",
    })
    void failsStartupOnAMisspeltKeyNamingTheNearestSetting(String key, String nearest) {
        runner.withPropertyValues(key + "=x").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOfSatisfying(UnknownPropertyException.class,
                    failure -> {
                        assertThat(failure).hasMessageContaining("'" + key + "'");
                        assertThat(failure.getAction()).contains("'" + nearest + "'");
                        FailureAnalysis analysis = new UnknownPropertyFailureAnalyzer().analyze(failure);
                        assertThat(analysis.getDescription()).contains(key);
                    });
        });
    }

    @Test
    void acceptsEverySettingInEverySpellingBootBinds() {
        runner.withPropertyValues("gateway.apps.hello.path=/hello", "gateway.apps.hello.enabled=true",
                "gateway.apps.hello.validate=true", "gateway.environ.ANY_KEY.with.dots=v", "gateway.validate=false",
                "gateway.headers.underscores=keep", "gateway.servlet.bodyReplayLimit=1MB",
                "gateway.servlet.exact_content_type=true", "gateway.reactive.max-threads=8",
                "gateway.reactive.client-timeout=5s", "gateway.fail-on-unknown-properties=true",
                "gateway.errors=spring", "gateway.apps.hello.errors=plain",
                "gateway.uwsgi.enabled=false", "gateway.uwsgi.port=3031", "gateway.uwsgi.buffer-size=32KB",
                "gateway.uwsgi.max-body-size=10MB", "gateway.uwsgi.request-timeout=5s",
                "gateway.uwsgi.client-timeout=30s", "gateway.uwsgi.max-threads=4", "gateway.uwsgi.queue-capacity=0",
                "gateway.uwsgi.retry-after=2s", "gateway.uwsgi.address=127.0.0.1",
                "gateway.limits.max-request-line=4KB", "gateway.limits.maxHeaderSize=4KB",
                "gateway.limits.max-header-count=50", "gateway.limits.max-request-body=1MB",
                "gateway.apps.hello.limits.max-request-body=2MB", "gateway.timeouts.request-header=5s",
                "gateway.timeouts.request-body=5s", "gateway.timeouts.keep-alive=5s",
                "gateway.timeouts.min-body-rate=1KB", "gateway.guard.enabled=true")
            .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void leavesUnknownKeysAloneWhenToldTo() {
        runner.withPropertyValues("gateway.valdate=true", "gateway.fail-on-unknown-properties=false")
            .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void leavesKeysOfAnotherModuleToItsOwnCheckOrSaysWhichModuleReadsThem() {
        MockEnvironment environment = new MockEnvironment().withProperty("gateway.python.apps.py.app", "app:app");
        assertThatNoException().isThrownBy(() -> new UnknownProperties("gateway", GatewayProperties.class,
                Map.of("gateway.python", "")).check(environment));
        assertThatExceptionOfType(UnknownPropertyException.class)
            .isThrownBy(() -> new UnknownProperties("gateway", GatewayProperties.class,
                    Map.of("gateway.python", "add gateway-python.")).check(environment))
            .withMessageContaining("add gateway-python.");
    }

    @Test
    void countsEditsBetweenTwoKeys() {
        assertThat(UnknownProperties.distance("validate", "valdate")).isEqualTo(1);
        assertThat(UnknownProperties.distance("", "abc")).isEqualTo(3);
        assertThat(UnknownProperties.distance("kitten", "sitting")).isEqualTo(3);
    }
}
