package dev.gatewayinterface.servlet;

import dev.gatewayinterface.Header;
import dev.gatewayinterface.engine.AuthTypes;
import dev.gatewayinterface.engine.Exchange;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Expose one servlet request and response as an {@link Exchange}.
 */
final class ServletExchange implements Exchange {

    private final HttpServletRequest request;

    private final HttpServletResponse response;

    private final BodyPreservingRequest preserved;

    private final ServletConnection connection;

    private final String rawScriptName;

    private final String rawPathInfo;

    private final String bodyTimeout;

    private final boolean springErrors;

    private ServletOutputStream output;

    /** The header lines, name then value, once read. */
    private List<String> headerLines;

    private ServletBodyStream body;

    private boolean outputFailed;

    private Throwable abortReason;

    /** Whether the engine asked for the connection to close after this response. */
    private boolean closing;

    ServletExchange(HttpServletRequest request, HttpServletResponse response, BodyPreservingRequest preserved,
            String rawScriptName, String rawPathInfo, String bodyTimeout, boolean springErrors) {
        this.request = request;
        this.response = response;
        this.preserved = preserved;
        this.connection = ServletConnection.of(request);
        this.rawScriptName = connection.rawScriptName(rawScriptName, rawPathInfo);
        this.rawPathInfo = rawPathInfo;
        this.bodyTimeout = bodyTimeout;
        this.springErrors = springErrors;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String rawScriptName() {
        return rawScriptName;
    }

    @Override
    public String rawPathInfo() {
        return rawPathInfo;
    }

    @Override
    public String rawQuery() {
        return request.getQueryString();
    }

    @Override
    public String protocol() {
        return request.getProtocol();
    }

    @Override
    public String scheme() {
        return connection.scheme();
    }

    @Override
    public String serverName() {
        return connection.serverName();
    }

    @Override
    public int serverPort() {
        return connection.serverPort();
    }

    @Override
    public String remoteAddress() {
        return connection.remoteAddress();
    }

    @Override
    public int remotePort() {
        return connection.remotePort();
    }

    @Override
    public String remoteUser() {
        return request.getRemoteUser();
    }

    @Override
    public String authType() {
        // Tomcat names the scheme only when it authenticated the user itself; Spring Security's request wrapper
        // names the user but never the scheme.
        String container = request.getAuthType();
        return container != null ? container
                : AuthTypes.of(request.getHeader("Authorization"), request.getUserPrincipal());
    }

    @Override
    public void forEachHeader(BiConsumer<String, String> consumer) {
        List<String> lines = headerLines;
        if (lines == null) {
            lines = readHeaderLines();
            headerLines = lines;
        }
        for (int i = 0; i < lines.size(); i += 2) {
            consumer.accept(lines.get(i), lines.get(i + 1));
        }
    }

    /**
     * Read the request's header lines once, name then value: the acceptance policy, the origin and the environ each
     * walk them, and the Servlet API finds each name's values by a search of every line.
     */
    private List<String> readHeaderLines() {
        List<String> lines = new ArrayList<>(32);
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (Exchange.isForwardedHeader(name)) {
                // As received: a forward-headers strategy may have removed or rewritten them for Spring's handlers.
                continue;
            }
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                lines.add(name);
                lines.add(values.nextElement());
            }
        }
        for (String[] header : connection.forwardedHeaders()) {
            lines.add(header[0]);
            lines.add(header[1]);
        }
        return lines;
    }

    @Override
    public long contentLength() {
        return request.getContentLengthLong();
    }

    @Override
    public InputStream body() throws IOException {
        body = new ServletBodyStream(preserved != null ? preserved.replayBody() : request.getInputStream(),
                bodyTimeout);
        return body;
    }

    @Override
    public void addExtensions(Map<String, Object> environ) {
        environ.put(ServletGatewayAdapter.SERVLET_REQUEST, request);
        environ.put(ServletGatewayAdapter.SERVLET_RESPONSE, response);
    }

    @Override
    public void sendHeaders(int status, String reason, List<Header> headers) throws IOException {
        if (containerAnswered()) {
            return;
        }
        // The Servlet API cannot send a reason phrase; the container sends its own or none (SPEC §10.5).
        response.setStatus(status);
        String contentType = null;
        for (Header header : headers) {
            response.addHeader(header.name(), header.value());
            if (header.is("Content-Type")) {
                contentType = header.value();
            }
            closing |= header.is("Connection") && header.value().equalsIgnoreCase("close");
        }
        if (contentType != null) {
            // Set through the Servlet API first, so that wrappers and Spring see it, then made byte-exact.
            ExactContentType.current().set(response, contentType);
        }
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        if (containerAnswered()) {
            return;
        }
        try {
            output().write(data, offset, length);
        }
        catch (IOException ex) {
            outputFailed = true;
            throw ex;
        }
    }

    @Override
    public void flush() throws IOException {
        if (containerAnswered()) {
            return;
        }
        try {
            output().flush();
        }
        catch (IOException ex) {
            outputFailed = true;
            throw ex;
        }
    }

    @Override
    public long transferFile(FileChannel file, long position, long count) throws IOException {
        // The Servlet API has no portable zero-copy path for an open channel; this still avoids a byte[] per block.
        WritableByteChannel target = Channels.newChannel(output());
        long done = 0;
        try {
            while (done < count) {
                long n = file.transferTo(position + done, count - done, target);
                if (n <= 0) {
                    break;
                }
                done += n;
            }
            output().flush();
        }
        catch (IOException ex) {
            outputFailed = true;
            throw ex;
        }
        return done;
    }

    @Override
    public void applicationFailed(Throwable error) {
        // The application's error never leaves the engine, so tell Spring's own http.server.requests
        // observation, which would otherwise tag the 500 with exception "none".
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setError(error));
    }

    @Override
    public boolean answerFailure(Throwable error) throws IOException {
        if (!springErrors || response.isCommitted()) {
            return false;
        }
        // The container keeps these for its error page, where Spring Boot's ErrorAttributes read the exception.
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, error);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION_TYPE, error.getClass());
        response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        return true;
    }

    @Override
    public void complete() throws IOException {
        if (!response.isCommitted() && !containerAnswered()) {
            response.flushBuffer();
        }
        if (closing && hasBody() && abortReason == null) {
            // The container would read the rest of a body the gateway refused (a 413 for a 10 MB upload) before it
            // closed; with the answer flushed, an abort closes at once.
            abortReason = new IOException("the connection closes with the request body unread");
        }
    }

    private boolean hasBody() {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    @Override
    public void abort(Throwable reason) {
        if (!outputFailed) {
            abortReason = reason;
        }
    }

    /**
     * Tell whether the container answered the request itself when a read of its body failed (a broken chunk, a
     * stalled client): its error response stands, and what the engine sends is dropped, as the container would.
     */
    private boolean containerAnswered() {
        return body != null && body.containerAnswered();
    }

    /** Throw if the engine aborted a response whose connection is still open. */
    void rethrowAbort() throws IOException {
        if (abortReason != null) {
            throw new ResponseAbortedException(request.getRequestURI(), abortReason);
        }
    }

    private ServletOutputStream output() throws IOException {
        if (output == null) {
            output = response.getOutputStream();
        }
        return output;
    }
}
