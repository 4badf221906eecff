package dev.gatewayinterface.servlet;

import dev.gatewayinterface.engine.Gateway;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.web.util.WebUtils;

/**
 * Serve an application through the Servlet API: adapt one servlet request and response to the
 * {@link Gateway} lifecycle (docs/SPEC.md §10).
 *
 * <p>The request body reaches the application untouched even when a filter read it first, provided that
 * filter ran behind {@link ServletRequestBodyFilter}. When the engine must abort the connection (an error
 * after the headers were sent, or a body shorter than its {@code Content-Length}), the
 * {@link ServletAbortFilter} makes the servlet container close the connection instead of ending the response
 * cleanly; without that filter in the chain, this adapter throws the {@link ResponseAbortedException} itself.
 *
 * <p>An application's failure before its response started is answered with the engine's plain 500, or, with
 * Spring errors, through {@code sendError(500)} with the failure as the request's
 * {@code jakarta.servlet.error.exception}: the container then dispatches to its error page, Spring Boot's
 * {@code /error}, once the DispatcherServlet returned, so that no exception resolver (no {@code @ControllerAdvice})
 * sees the failure.
 */
public final class ServletGatewayAdapter {

    /** The environ key of the {@code HttpServletRequest}. */
    public static final String SERVLET_REQUEST = "gateway.servlet_request";

    /** The environ key of the {@code HttpServletResponse}. */
    public static final String SERVLET_RESPONSE = "gateway.servlet_response";

    private final Gateway gateway;

    private final String bodyTimeout;

    private final boolean springErrors;

    /**
     * Create an adapter for one application whose stalled uploads run into the container's read timeout and
     * whose failures are answered with the engine's plain 500.
     * @param gateway the lifecycle serving the application
     */
    public ServletGatewayAdapter(Gateway gateway) {
        this(gateway, "the container's read timeout", false);
    }

    /**
     * Create an adapter for one application.
     * @param gateway the lifecycle serving the application
     * @param bodyTimeout the read timeout the container applies to request bodies, as an error names it, such as
     *     {@code "60s (gateway.timeouts.request-body)"}
     * @param springErrors whether to leave the application's failures before its response to the container's error
     *     page (Spring Boot's error handling) rather than answer the engine's plain 500
     */
    public ServletGatewayAdapter(Gateway gateway, String bodyTimeout, boolean springErrors) {
        this.gateway = Objects.requireNonNull(gateway, "gateway must not be null");
        this.bodyTimeout = Objects.requireNonNull(bodyTimeout, "bodyTimeout must not be null");
        this.springErrors = springErrors;
    }

    /**
     * Serve one request.
     * @param request the servlet request
     * @param response the servlet response
     * @param rawScriptName the raw, percent-encoded path up to and including the mount
     * @param rawPathInfo the raw, percent-encoded rest of the path
     * @throws IOException to make the container close the connection when the engine aborted the response and no
     * {@link ServletAbortFilter} is in the chain
     */
    public void service(HttpServletRequest request, HttpServletResponse response, String rawScriptName,
            String rawPathInfo) throws IOException {
        BodyPreservingRequest preserved = WebUtils.getNativeRequest(request, BodyPreservingRequest.class);
        ServletExchange exchange = new ServletExchange(request, response, preserved, rawScriptName, rawPathInfo,
                bodyTimeout, springErrors);
        gateway.handle(exchange);
        try {
            exchange.rethrowAbort();
        }
        catch (ResponseAbortedException aborted) {
            if (request.getAttribute(ServletAbortFilter.PRESENT_ATTRIBUTE) == null) {
                throw aborted;
            }
            // Thrown by the filter, outside the DispatcherServlet, so no exception resolver sees it.
            request.setAttribute(ServletAbortFilter.ABORT_ATTRIBUTE, aborted);
        }
    }
}
