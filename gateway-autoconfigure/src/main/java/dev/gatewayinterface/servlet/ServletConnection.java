package dev.gatewayinterface.servlet;

import dev.gatewayinterface.engine.Exchange;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Describe a servlet request as its connection carried it, before {@code server.forward-headers-strategy} applied
 * forwarded headers to it for Spring's own handlers: the gateway applies its own rule to these facts (docs/SPEC.md
 * §16). Tomcat's {@code RemoteIpValve} changes the request in place, so {@link TomcatConnectionValve} records the
 * facts before it runs; Spring's {@code ForwardedHeaderFilter} wraps the request, so the container's own request
 * below the wrappers still has them.
 *
 * @param remoteAddress the peer's address
 * @param remotePort the peer's port
 * @param scheme the connection's scheme
 * @param serverName the host the {@code Host} header names
 * @param serverPort the port the {@code Host} header names, or the scheme's default
 * @param requestUri the raw request path, as the client sent it
 * @param forwardedHeaders the {@code Forwarded} and {@code X-Forwarded-*} header lines as received, name then value
 */
record ServletConnection(String remoteAddress, int remotePort, String scheme, String serverName, int serverPort,
        String requestUri, List<String[]> forwardedHeaders) {

    /** The request attribute under which {@link TomcatConnectionValve} leaves the facts it recorded. */
    static final String ATTRIBUTE = ServletConnection.class.getName();

    /** Return the connection's facts of a request, recorded by the valve or read below every wrapper. */
    static ServletConnection of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof ServletConnection recorded) {
            return recorded;
        }
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        return record(inner instanceof HttpServletRequest http ? http : request);
    }

    /** Read the facts of a request that no forward-headers strategy changed yet. */
    static ServletConnection record(HttpServletRequest request) {
        List<String[]> forwarded = new ArrayList<>(2);
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements();) {
            String name = names.nextElement();
            if (Exchange.isForwardedHeader(name)) {
                for (String value : Collections.list(request.getHeaders(name))) {
                    forwarded.add(new String[] { name, value });
                }
            }
        }
        return new ServletConnection(request.getRemoteAddr(), request.getRemotePort(), request.getScheme(),
                request.getServerName(), request.getServerPort(), request.getRequestURI(), List.copyOf(forwarded));
    }

    /**
     * Return the raw path up to the mount as the client sent it: a wrapper that applied {@code X-Forwarded-Prefix}
     * put the prefix in front of the path the mapping saw, and the gateway applies it by its own rule.
     */
    String rawScriptName(String mappedScriptName, String rawPathInfo) {
        if (requestUri == null || !requestUri.endsWith(rawPathInfo)) {
            return mappedScriptName;
        }
        return requestUri.substring(0, requestUri.length() - rawPathInfo.length());
    }
}
