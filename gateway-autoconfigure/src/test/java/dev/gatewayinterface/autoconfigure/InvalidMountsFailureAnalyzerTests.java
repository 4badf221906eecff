package dev.gatewayinterface.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * Check that {@link InvalidMountsFailureAnalyzer} turns an {@link InvalidMountsException}, however deep in
 * the startup failure, into Spring Boot's failure report.
 */
class InvalidMountsFailureAnalyzerTests {

    @Test
    void reportsTheDescriptionAndTheActionOfTheException() {
        InvalidMountsException exception = new InvalidMountsException("what is wrong", "what to change");
        FailureAnalysis analysis = new InvalidMountsFailureAnalyzer().analyze(exception);
        assertThat(analysis.getDescription()).isEqualTo("what is wrong");
        assertThat(analysis.getAction()).isEqualTo("what to change");
        assertThat(analysis.getCause()).isSameAs(exception);
    }

    @Test
    void findsTheExceptionBehindTheBeanCreationFailureOfAStartup() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(GatewayAutoConfiguration.class))
                .withBean("first", Application.class, () -> (environ, start) -> List.of())
                .withBean("second", Application.class, () -> (environ, start) -> List.of())
                .run(context -> {
                    assertThat(context.getStartupFailure()).isInstanceOf(BeanCreationException.class);
                    FailureAnalysis analysis = new InvalidMountsFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription())
                            .isEqualTo("Several Application beans would be mounted at '/': first, second");
                    assertThat(analysis.getAction()).contains("gateway.apps.<bean-name>.path",
                            "gateway.apps.<bean-name>.enabled=false");
                });
    }

    @Test
    void leavesOtherFailuresToOtherAnalyzers() {
        assertThat(new InvalidMountsFailureAnalyzer().analyze(new IllegalStateException("unrelated"))).isNull();
    }

    @Test
    void isRegisteredAsAFailureAnalyzer() {
        // Analyzers that need constructor arguments cannot be built here; they are not the one looked for.
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, FailureHandler.handleMessage((message, failure) -> { }));
        assertThat(analyzers).hasAtLeastOneElementOfType(InvalidMountsFailureAnalyzer.class);
    }
}
