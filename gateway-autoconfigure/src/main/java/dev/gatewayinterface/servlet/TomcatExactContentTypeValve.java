package dev.gatewayinterface.servlet;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.buf.CharsetHolder;

/**
 * Let the servlet binding send a mounted application's {@code Content-Type} byte for byte on Tomcat (docs/SPEC.md
 * §10.5). Tomcat parses every {@code Content-Type} set through the Servlet API and, when it names a charset,
 * sends it re-serialised: {@code text/html; charset=utf-8} goes out as {@code text/html;charset=utf-8}. This
 * valve binds, for the thread serving each request, a writer that puts the application's value into Tomcat's
 * own response as it is, charset included; it changes nothing of requests that no mount serves.
 */
public final class TomcatExactContentTypeValve extends ValveBase {

    /**
     * Create the valve; it supports asynchronous requests, which it only passes on.
     */
    public TomcatExactContentTypeValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        ExactContentType outer = ExactContentType.Binding.CURRENT.get();
        ExactContentType.Binding.CURRENT.set((servletResponse, value) -> setExactly(response, servletResponse, value));
        try {
            getNext().invoke(request, response);
        }
        finally {
            // A nested invocation (an error page dispatched on the same thread) must hand the outer writer back.
            if (outer == null) {
                ExactContentType.Binding.CURRENT.remove();
            }
            else {
                ExactContentType.Binding.CURRENT.set(outer);
            }
        }
    }

    private static boolean setExactly(Response response, HttpServletResponse servletResponse, String value) {
        if (response.isCommitted() || unwrap(servletResponse) != response.getResponse()) {
            return false;
        }
        // The charset is part of the value now: left set, Tomcat would append it a second time.
        response.getCoyoteResponse().setContentTypeNoCharset(value);
        response.getCoyoteResponse().setCharsetHolder(CharsetHolder.EMPTY);
        return true;
    }

    private static ServletResponse unwrap(ServletResponse response) {
        ServletResponse inner = response;
        while (inner instanceof ServletResponseWrapper wrapper) {
            inner = wrapper.getResponse();
        }
        return inner;
    }
}
