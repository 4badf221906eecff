package dev.gatewayinterface.reactive;

import dev.gatewayinterface.Header;
import dev.gatewayinterface.engine.Exchange;
import java.io.InputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Expose one WebFlux exchange as an {@link Exchange}, for the engine to drive on an application's thread: request
 * facts from Spring's request, the body as a blocking stream, the response through a {@link ResponseOutput}.
 */
final class ReactiveExchange implements Exchange {

    private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent("reactor.netty.http.server.HttpServerRequest",
            ReactiveExchange.class.getClassLoader());

    private final ServerWebExchange exchange;

    private final ServerHttpRequest request;

    private final URI uri;

    private final ReactiveConnection connection;

    private final String protocol;

    private final String rawScriptName;

    private final String rawPathInfo;

    private final String remoteUser;

    private final String authType;

    private final RequestBodyStream body;

    private final ResponseOutput output;

    private final String application;

    /** Whether the application's failures before its response go to Spring's error handling. */
    private final boolean springErrors;

    ReactiveExchange(ServerWebExchange exchange, String protocol, String rawScriptName, String rawPathInfo,
            String remoteUser, String authType, RequestBodyStream body, ResponseOutput output, String application,
            boolean springErrors) {
        this.exchange = exchange;
        this.request = exchange.getRequest();
        this.uri = request.getURI();
        this.connection = ReactiveConnection.of(request);
        this.protocol = protocol;
        this.rawScriptName = connection.rawScriptName(rawScriptName, rawPathInfo);
        this.rawPathInfo = rawPathInfo;
        this.remoteUser = remoteUser;
        this.authType = authType;
        this.body = body;
        this.output = output;
        this.application = application;
        this.springErrors = springErrors;
    }

    @Override
    public String rawTarget() {
        return REACTOR_NETTY_PRESENT ? NettyResponseOutput.rawTarget(request) : null;
    }

    @Override
    public String method() {
        return request.getMethod().name();
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
        return uri.getRawQuery();
    }

    @Override
    public String protocol() {
        return protocol;
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
        return remoteUser;
    }

    @Override
    public String authType() {
        return authType;
    }

    @Override
    public void forEachHeader(BiConsumer<String, String> consumer) {
        request.getHeaders().forEach((name, values) -> {
            // As received: a forward-headers strategy may have removed them for Spring's handlers.
            if (!Exchange.isForwardedHeader(name)) {
                values.forEach(value -> consumer.accept(name, value));
            }
        });
        for (String[] header : connection.forwardedHeaders()) {
            consumer.accept(header[0], header[1]);
        }
    }

    @Override
    public long contentLength() {
        return request.getHeaders().getContentLength();
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void addExtensions(Map<String, Object> environ) {
        environ.put(ReactiveGatewayAdapter.SERVER_EXCHANGE, exchange);
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
        // Each write returns once the server took its bytes, flushed: nothing is left to push.
    }

    @Override
    public long transferFile(FileChannel file, long position, long count) throws IOException {
        return output.transferFile(file, position, count);
    }

    @Override
    public void complete() throws IOException {
        output.complete();
    }

    @Override
    public void applicationFailed(Throwable error) {
        // The application's error never leaves the engine, so tell Spring's own http.server.requests
        // observation, which would otherwise tag the 500 with exception "none".
        ServerRequestObservationContext.findCurrent(exchange.getAttributes()).ifPresent(context -> context.setError(error));
    }

    @Override
    public boolean answerFailure(Throwable error) {
        if (!springErrors || exchange.getResponse().isCommitted()) {
            return false;
        }
        output.fail(new HandedOver(ApplicationFailedException.signalFor(application, error)));
        return true;
    }

    @Override
    public void abort(Throwable reason) {
        output.abort();
    }

    @Override
    public void disconnect() {
        output.disconnect();
    }

    @Override
    public boolean responseFinished() {
        // Reactor Netty hears the response ended with its last bytes, before the body is closed (docs/REACTIVE.md).
        return output.ended();
    }

    /** Carry a failure left to Spring's error handling to the adapter, told apart from the server's own errors. */
    static final class HandedOver extends RuntimeException {

        private static final long serialVersionUID = 1L;

        HandedOver(Throwable failure) {
            super(null, failure, false, false);
        }
    }

    /** Release what the request still holds and let the server finish; called once, after the engine returned. */
    void end() {
        body.dispose();
        output.end();
    }
}
