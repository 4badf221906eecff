package dev.gatewayinterface.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Make the servlet container close the connection of a response the gateway aborted (docs/SPEC.md §7), from
 * outside the DispatcherServlet and every security filter, so that no exception resolver, error page or
 * security check runs on the committed response.
 *
 * <p>On Tomcat the abort is signalled as Tomcat's own {@code ClientAbortException}: Tomcat then closes the
 * connection without a terminating chunk, dispatches no error page and logs nothing above DEBUG, since the
 * engine has already logged the failure. On other containers the {@link ResponseAbortedException} itself is
 * thrown, which they answer by closing the connection.
 */
public final class ServletAbortFilter extends OncePerRequestFilter implements Ordered {

    /** The order: inside Spring's observation filter, so it records the failure, outside everything else. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    /** Set while this filter is in the chain: the adapter leaves an abort to it instead of throwing. */
    static final String PRESENT_ATTRIBUTE = ServletAbortFilter.class.getName() + ".present";

    /** Where the adapter leaves the abort of a request whose chain has this filter. */
    static final String ABORT_ATTRIBUTE = ServletAbortFilter.class.getName() + ".abort";

    private static final boolean TOMCAT_PRESENT = ClassUtils.isPresent(
            "org.apache.catalina.connector.ClientAbortException", ServletAbortFilter.class.getClassLoader());

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(PRESENT_ATTRIBUTE, Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        }
        finally {
            request.removeAttribute(PRESENT_ATTRIBUTE);
        }
        if (request.getAttribute(ABORT_ATTRIBUTE) instanceof ResponseAbortedException aborted) {
            request.removeAttribute(ABORT_ATTRIBUTE);
            throw TOMCAT_PRESENT ? TomcatAbort.of(aborted) : aborted;
        }
    }

    /** Create Tomcat's exception; loaded only when Tomcat is present. */
    private static final class TomcatAbort {

        static IOException of(ResponseAbortedException aborted) {
            return new org.apache.catalina.connector.ClientAbortException(aborted.getMessage());
        }
    }
}
