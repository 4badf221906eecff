package dev.gatewayinterface;

import java.util.Map;

/**
 * Handle one HTTP request: the Java form of a PEP 3333 application callable.
 *
 * <p>The server calls {@link #call} once per request with a fresh, mutable environ and a
 * {@link StartResponse}. The application calls {@code startResponse} (before returning, or lazily
 * while its body is iterated) and returns the body as an iterable of byte chunks. If the returned
 * iterable is {@link AutoCloseable}, the server closes it exactly once when the request ends, whatever
 * happened. Middleware is an {@code Application} that wraps other applications.
 *
 * @see "docs/SPEC.md §1, in the project's source tree"
 */
@FunctionalInterface
public interface Application {

    /**
     * Handle a request and return its response body.
     * @param environ the request's CGI and {@code wsgi.*} variables (docs/SPEC.md §3)
     * @param startResponse the callable that sets the status and headers (docs/SPEC.md §5)
     * @return the body chunks, never {@code null}; closed by the server when it is {@link AutoCloseable}
     * @throws Exception any failure; before the response started, the server answers 500
     */
    Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception;
}
