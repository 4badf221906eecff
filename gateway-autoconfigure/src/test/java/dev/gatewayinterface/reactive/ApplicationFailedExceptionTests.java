package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Check that an application's failure reaches Spring's error handling as itself, and inside an
 * {@link ApplicationFailedException} only where Spring would answer it with another status than 500.
 */
class ApplicationFailedExceptionTests {

    @Test
    void signalsAnOrdinaryFailureAsItIs() {
        IllegalStateException failure = new IllegalStateException("boom");
        assertThat(ApplicationFailedException.signalFor("app", failure)).isSameAs(failure);
        AssertionError error = new AssertionError("broken rule");
        assertThat(ApplicationFailedException.signalFor("app", error)).isSameAs(error);
    }

    @Test
    void wrapsAFailureCarryingAStatusOfItsOwnIntoA500() {
        ResponseStatusException notFound = new ResponseStatusException(HttpStatus.NOT_FOUND, "no such thing");
        assertThat(ApplicationFailedException.signalFor("app", notFound))
            .isInstanceOfSatisfying(ApplicationFailedException.class, wrapped -> {
                assertThat(wrapped.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
                assertThat(wrapped.getCause()).isSameAs(notFound);
                assertThat(wrapped.getApplication()).isEqualTo("app");
                assertThat(wrapped.getStackTrace()).isEmpty();
            });
        Gone gone = new Gone();
        assertThat(ApplicationFailedException.signalFor("app", gone)).isInstanceOf(ApplicationFailedException.class)
            .hasCause(gone);
    }

    @ResponseStatus(HttpStatus.GONE)
    static final class Gone extends RuntimeException {

        private static final long serialVersionUID = 1L;
    }
}
