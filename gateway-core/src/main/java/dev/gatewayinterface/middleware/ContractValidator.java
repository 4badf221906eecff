package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.Syntax.identify;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.engine.RequestEnd;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Check both sides of the contract in docs/SPEC.md around an application, as CPython's
 * {@code wsgiref.validate} does: the environ the server passes, the application's calls of
 * {@code start_response} and {@code write}, and how each side uses {@code wsgi.input}, {@code wsgi.errors},
 * {@code wsgi.file_wrapper} and the returned body. Each check is a {@link ContractRule}; docs/SPEC.md §11
 * sums them up.
 *
 * <p>Every violation is a {@link ContractViolationException} naming the section and quoting the offending
 * value, and is passed to the listener, if one was given, whatever happens to it next:
 * <ul>
 * <li>thrown from {@link #call} to the server, before the application runs: {@code CALL_ARGUMENTS} and
 *     every {@code ENVIRON_*} rule; after it returned: {@code BODY_NULL};</li>
 * <li>thrown to the application from the call it got wrong: from {@code start_response} the
 *     {@code STATUS_LINE}, {@code HEADER_*}, {@code CONTENT_TYPE} and {@code START_*} rules (but
 *     {@code START_NEVER_CALLED}); from {@code write} {@code WRITE_NULL}, {@code WRITE_AFTER_CLOSE},
 *     {@code BODY_FORBIDDEN}, {@code HEAD_BODY} and {@code CONTENT_LENGTH_EXCEEDED}; from {@code wsgi.input}
 *     {@code INPUT_READ_RESULT}; from {@code wsgi.errors} {@code ERRORS_THREW}; from
 *     {@code wsgi.file_wrapper} {@code FILE_WRAPPER_ARGUMENTS} and {@code FILE_WRAPPER_RESULT};</li>
 * <li>thrown to the server from the body: from {@code iterator()} {@code BODY_ITERATED_TWICE}; from
 *     {@code next()} {@code CHUNK_NULL}, {@code BODY_BEFORE_START}, {@code BODY_FORBIDDEN}, {@code HEAD_BODY} and
 *     {@code BODY_BEYOND_CONTENT_LENGTH}; from the {@code hasNext()} that ends the body
 *     {@code START_NEVER_CALLED} and {@code CONTENT_LENGTH_SHORT}; from any of them once closed
 *     {@code BODY_USED_AFTER_CLOSE}; from {@code close()} {@code BODY_CLOSED_TWICE};</li>
 * <li>logged at ERROR under this class's logger, since nobody is left to catch it, when the request ends
 *     through the environ's {@link RequestEnd}: {@code BODY_NEVER_CLOSED}. Without a
 *     {@code gateway.request_end} in the environ (a server or test that does not use the engine) that check
 *     is skipped; it never relies on garbage collection.</li>
 * </ul>
 *
 * <p>It accepts what CPython's {@code wsgiref.validate} accepts, notably a body returned for {@code HEAD}
 * (the server drops it, §6.4) and {@code excInfo} on the first call of {@code start_response} (PEP 3333's
 * own error-handling example). It is stricter than the server in a few places, listed in docs/SPEC.md
 * §11.2, such as body bytes for a 204 or 304; {@link #strict} adds the opt-in rules of §11.3. §11.5 lists
 * every difference from {@code wsgiref.validate}.
 *
 * <p>A {@code Content-Length} is checked against the bytes of {@code write} and the body together: an
 * excess at the chunk or write that exceeds it, a shortfall when the body ends. A body the server stops
 * iterating early (the client went away) is not checked for a shortfall.
 *
 * <p>The validator changes nothing the application or server sees: the body it returns is its own wrapper, a
 * {@link ForwardingBody} that passes the body's length and file on (§1.4), so the server still sets
 * {@code Content-Length} and still sends a {@code wsgi.file_wrapper} file without copying it. It keeps no state
 * between requests and may serve any number of them at once.
 */
public final class ContractValidator implements Middleware {

    private final Application application;

    private final Violations violations;

    /**
     * Wrap an application, reporting violations only by throwing and logging them.
     * @param application the application to check
     */
    public ContractValidator(Application application) {
        this(application, violation -> {
        });
    }

    /**
     * Wrap an application, also telling the listener about every violation, thrown or logged.
     * @param application the application to check
     * @param listener called once per violation, before it is thrown or logged; its exceptions are logged
     *     and otherwise ignored
     */
    public ContractValidator(Application application, Consumer<ContractViolationException> listener) {
        this(application, listener, false);
    }

    private ContractValidator(Application application, Consumer<ContractViolationException> listener, boolean strict) {
        this.application = Objects.requireNonNull(application, "application must not be null");
        this.violations = new Violations(Objects.requireNonNull(listener, "listener must not be null"), strict);
    }

    /**
     * Wrap an application in a validator that also checks the opt-in rules of docs/SPEC.md §11.3 (a body
     * for {@code HEAD}, {@code excInfo} on a first {@code start_response}), which PEP 3333 and
     * {@code wsgiref.validate} allow.
     * @param application the application to check
     * @param listener called once per violation, as for {@link #ContractValidator(Application, Consumer)}
     * @return the strict validator
     */
    public static ContractValidator strict(Application application, Consumer<ContractViolationException> listener) {
        return new ContractValidator(application, listener, true);
    }

    @Override
    public Application next() {
        return application;
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        if (environ == null || startResponse == null) {
            throw violations.of(ContractRule.CALL_ARGUMENTS, "the server passed the environ "
                    + identify(environ) + " and the start_response " + identify(startResponse) + "; neither may be null");
        }
        EnvironChecks.check(environ, violations);
        RequestEnd end = (RequestEnd) environ.get(RequestEnd.ENVIRON_KEY);
        wrapStreams(environ);
        ValidatedResponse response = new ValidatedResponse(violations,
                "HEAD".equals(environ.get(Environ.REQUEST_METHOD)));
        Iterable<byte[]> body = application.call(environ, new ValidatingStartResponse(startResponse, response));
        if (body == null) {
            throw violations.of(ContractRule.BODY_NULL, "the application returned null, not an iterable body");
        }
        if (end != null) {
            end.onEnd(() -> {
                if (!response.closed()) {
                    violations.log(ContractRule.BODY_NEVER_CLOSED,
                            "the request ended, but the server never closed the body " + identify(body));
                }
            });
        }
        return new ValidatingBody(body, response);
    }

    /** Replace the environ's streams with checking wrappers; a map that refuses is not a mutable environ. */
    private void wrapStreams(Map<String, Object> environ) {
        try {
            environ.put(Environ.WSGI_INPUT, new ValidatingInput((Input) environ.get(Environ.WSGI_INPUT), violations));
            environ.put(Environ.WSGI_ERRORS, new ValidatingErrors((Errors) environ.get(Environ.WSGI_ERRORS), violations));
            environ.put(Environ.WSGI_FILE_WRAPPER,
                    new ValidatingFileWrapper((FileWrapper) environ.get(Environ.WSGI_FILE_WRAPPER), violations));
        }
        catch (UnsupportedOperationException ex) {
            throw violations.of(ContractRule.ENVIRON_MUTABLE, "the environ " + identify(environ)
                    + " refused a put; it must be a mutable map the application may change", ex);
        }
    }
}
