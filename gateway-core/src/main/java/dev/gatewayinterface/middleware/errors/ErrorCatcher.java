package dev.gatewayinterface.middleware.errors;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.Write;
import dev.gatewayinterface.middleware.Middleware;
import dev.gatewayinterface.middleware.PlainText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turn an application's failure into an error page, as PEP 3333's error-handling example does: an exception
 * from the call, or from its body before any byte was sent, becomes {@code start_response} with {@code excInfo}
 * and a plain {@code 500 Internal Server Error} page, and its stack trace goes to {@code wsgi.errors}, which
 * the server logs a line at a time (docs/SPEC.md §4.2). After the headers were sent, {@code start_response}
 * rethrows the failure and the server cuts the response off (§5.4, §7).
 *
 * <p>The page reveals nothing, like the server's own. {@link #debug} adds the stack trace to the page, for
 * clients on the loopback address only; it is off by default, since a stack trace tells an attacker what runs
 * and where. A {@link VirtualMachineError} is never caught: the JVM itself may be failing.
 */
public final class ErrorCatcher implements Middleware {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    private final Application application;

    private final boolean debug;

    /**
     * Catch the application's failures, showing no detail.
     * @param application the application to watch
     */
    public ErrorCatcher(Application application) {
        this(application, false);
    }

    private ErrorCatcher(Application application, boolean debug) {
        this.application = Objects.requireNonNull(application, "application must not be null");
        this.debug = debug;
    }

    /**
     * Catch the application's failures, showing the stack trace in the page to clients whose
     * {@code REMOTE_ADDR} is a loopback address. Behind a proxy on the same host every client has one: use it on
     * a developer's machine only.
     * @param application the application to watch
     * @return the error catcher
     */
    public static ErrorCatcher debug(Application application) {
        return new ErrorCatcher(application, true);
    }

    /**
     * Return whether this catcher shows stack traces to loopback clients, as {@link #debug} makes it do; a server
     * that listens on other addresses warns of it at startup.
     * @return {@code true} for a catcher made by {@link #debug}
     */
    public boolean isDebug() {
        return debug;
    }

    @Override
    public Application next() {
        return application;
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        Started started = new Started(startResponse);
        Iterable<byte[]> body;
        try {
            body = application.call(environ, started);
            if (body == null) {
                throw new IllegalStateException("the application returned null, not an iterable body (SPEC §1.2)");
            }
        }
        catch (Throwable failure) {
            return page(environ, started, CatchingBody.unlessFatal(failure));
        }
        return new CatchingBody(body, failure -> page(environ, started, failure));
    }

    /** Log the failure to wsgi.errors and answer 500; start_response rethrows it if the headers went out. */
    private List<byte[]> page(Map<String, Object> environ, Started started, Throwable failure) {
        String trace = stackTrace(failure);
        Errors errors = (Errors) environ.get(Environ.WSGI_ERRORS);
        errors.write("Application failed on " + environ.get(Environ.REQUEST_METHOD) + " "
                + environ.get(Environ.SCRIPT_NAME) + environ.get(Environ.PATH_INFO) + ":\n" + trace);
        errors.flush();
        String status = "500 Internal Server Error";
        boolean showTrace = debug && LOOPBACK.contains(String.valueOf(environ.get(Environ.REMOTE_ADDR)));
        // excInfo only replaces a response the application started; on a first call it would mean nothing (§11.3).
        return PlainText.respond(environ, started.delegate, status, status + "\n" + (showTrace ? "\n" + trace : ""),
                started.called ? failure : null);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text, true));
        return text.toString();
    }

    /** Remember whether the application called start_response, to know whether excInfo must go with the page. */
    private static final class Started implements StartResponse {

        private final StartResponse delegate;

        private boolean called;

        Started(StartResponse delegate) {
            this.delegate = delegate;
        }

        @Override
        public Write start(String status, List<Header> headers, Throwable excInfo) {
            Write write = delegate.start(status, headers, excInfo);
            called = true;
            return write;
        }
    }
}
