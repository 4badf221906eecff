package dev.gatewayinterface.reactive;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Carry an application's failure that Spring's error handling would answer with another status than 500 — a
 * {@link ResponseStatusException} or another {@link ErrorResponse}, or an exception annotated
 * {@link ResponseStatus} — to WebFlux's {@code WebExceptionHandler}s, where {@code gateway.errors=spring} asks for
 * Spring's error handling (docs/SPEC.md §7): an application's failure is a 500, as on Spring MVC. Every other
 * failure is signalled as it is, so that error attributes and metrics name its own class. Spring Boot's error
 * attributes name the cause, not this exception.
 */
public class ApplicationFailedException extends ResponseStatusException {

    private static final long serialVersionUID = 1L;

    private final String application;

    /**
     * Wrap an application's failure.
     * @param application the name of the application that failed
     * @param failure what it threw, or the rule it broke
     */
    public ApplicationFailedException(String application, Throwable failure) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, failure.getMessage(), failure);
        this.application = application;
    }

    /**
     * Return the name of the application that failed.
     * @return the name, its bean name for a Java application
     */
    public String getApplication() {
        return application;
    }

    /** Keep no stack of its own: the failure's, its cause, is the one that tells what happened. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /**
     * Return what to signal to Spring's error handling for an application's failure: the failure itself where that
     * answers it with 500, else this exception around it.
     * @param application the name of the application that failed
     * @param failure what it threw, or the rule it broke
     * @return the failure, or an {@code ApplicationFailedException} around it
     */
    static Throwable signalFor(String application, Throwable failure) {
        boolean ownStatus = failure instanceof ErrorResponse || MergedAnnotations
            .from(failure.getClass(), SearchStrategy.TYPE_HIERARCHY).isPresent(ResponseStatus.class);
        return ownStatus ? new ApplicationFailedException(application, failure) : failure;
    }
}
