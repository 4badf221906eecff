package dev.gatewayinterface.servlet;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Set a response's {@code Content-Type} to the application's exact bytes where the container would rewrite it
 * (docs/SPEC.md §10.5). A container-specific writer is bound to the thread serving the request; without one,
 * the value goes through the Servlet API alone and the container may re-serialise it.
 */
@FunctionalInterface
interface ExactContentType {

    /**
     * Replace the {@code Content-Type} the Servlet API set with the value as the application wrote it.
     * @return {@code false} if this writer cannot reach the response, which then keeps the container's form
     */
    boolean set(HttpServletResponse response, String value);

    /** Return the writer bound to the current thread, or one that never sets anything. */
    static ExactContentType current() {
        ExactContentType writer = Binding.CURRENT.get();
        return writer != null ? writer : (response, value) -> false;
    }

    /** Hold the writer of the request the current thread serves. */
    final class Binding {

        static final ThreadLocal<ExactContentType> CURRENT = new ThreadLocal<>();

        private Binding() {
        }
    }
}
