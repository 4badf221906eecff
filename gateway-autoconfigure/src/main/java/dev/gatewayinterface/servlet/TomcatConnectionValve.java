package dev.gatewayinterface.servlet;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Record what the connection said of each request before Tomcat's {@code RemoteIpValve} rewrites the request in
 * place ({@code server.forward-headers-strategy=native}): its peer, scheme and port, and the forwarded headers it
 * consumes. Mounted applications get the gateway's own reading of those facts (docs/SPEC.md §16), while Spring's
 * handlers keep Tomcat's. It must run before the {@code RemoteIpValve}; it changes nothing of the request.
 */
public final class TomcatConnectionValve extends ValveBase {

    /**
     * Create the valve; it supports asynchronous requests, which it only passes on.
     */
    public TomcatConnectionValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        request.setAttribute(ServletConnection.ATTRIBUTE, ServletConnection.record(request));
        getNext().invoke(request, response);
    }
}
