package dev.gatewayinterface.uwsgi;

import dev.gatewayinterface.Header;
import dev.gatewayinterface.engine.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Expose one uwsgi request as an {@link Exchange}, for the engine to drive on an application's thread: request facts
 * from the packet's vars and the trust policy's reading of them, the body from the connection, the response as
 * HTTP/1.1 bytes on the same connection (docs/SPEC.md §17).
 */
final class UwsgiExchange implements Exchange {

    /** The environ key of the packet's vars, as they came (docs/SPEC.md §17.2). */
    static final String VARS = "gateway.uwsgi_vars";

    private final UwsgiRequest request;

    private final ClientFacts facts;

    private final String rawScriptName;

    private final String rawPathInfo;

    private final UwsgiBody body;

    private final UwsgiOutput output;

    private final Runnable onEnd;

    UwsgiExchange(UwsgiRequest request, ClientFacts facts, String rawScriptName, String rawPathInfo, UwsgiBody body,
            UwsgiOutput output, Runnable onEnd) {
        this.request = request;
        this.facts = facts;
        this.rawScriptName = rawScriptName;
        this.rawPathInfo = rawPathInfo;
        this.body = body;
        this.output = output;
        this.onEnd = onEnd;
    }

    @Override
    public String method() {
        return request.method();
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
        return request.rawQuery();
    }

    @Override
    public String requestUri() {
        return request.vars().get("REQUEST_URI");
    }

    @Override
    public String rawTarget() {
        // The proxy's target goes through the same acceptance policy as a target read off an HTTP connection.
        return request.vars().get("REQUEST_URI");
    }

    @Override
    public String protocol() {
        return request.protocol();
    }

    @Override
    public String scheme() {
        return facts.scheme();
    }

    @Override
    public String serverName() {
        return facts.serverName();
    }

    @Override
    public int serverPort() {
        return facts.serverPort();
    }

    @Override
    public String remoteAddress() {
        return facts.remoteAddress();
    }

    @Override
    public int remotePort() {
        return facts.remotePort();
    }

    @Override
    public String remoteUser() {
        return facts.remoteUser();
    }

    @Override
    public String authType() {
        return facts.authType();
    }

    @Override
    public void forEachHeader(BiConsumer<String, String> consumer) {
        request.forEachHeader(consumer);
    }

    @Override
    public long contentLength() {
        return request.contentLength();
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void addExtensions(Map<String, Object> environ) {
        environ.put(VARS, request.vars());
        // As uWSGI does, a var the proxy adds of its own (uwsgi_param APP_ENV prod) reaches the environ as it came.
        request.forEachOtherVar(environ::putIfAbsent);
    }

    @Override
    public void sendHeaders(int status, String reason, List<Header> headers) throws IOException {
        output.sendHeaders(status, reason, headers);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        output.write(data, offset, length);
    }

    @Override
    public void flush() {
        // Each write returns once the socket took its bytes, flushed: nothing is left to push.
    }

    @Override
    public long transferFile(FileChannel file, long position, long count) throws IOException {
        return output.transferFile(file, position, count);
    }

    @Override
    public void complete() throws IOException {
        // The end of the response is the end of the connection (docs/SPEC.md §17.4); end() closes it.
        output.complete();
    }

    @Override
    public void abort(Throwable reason) {
        output.abort();
    }

    @Override
    public void disconnect() {
        // A reset, as for an abort: the proxy must not take a close-delimited body cut short for a whole one.
        output.disconnect();
    }

    @Override
    public boolean responseFinished() {
        return output.ended();
    }

    /** Release the body and let the connection finish once its last bytes are out; called once, after the engine. */
    void end() {
        body.dispose();
        output.afterLastWrite(onEnd);
    }
}
