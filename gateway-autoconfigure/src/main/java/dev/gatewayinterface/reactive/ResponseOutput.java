package dev.gatewayinterface.reactive;

import dev.gatewayinterface.Header;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.Scannable;
import reactor.core.publisher.Sinks;

/**
 * Send one response from the application's thread, blocking that thread while the client is slow, never the
 * event loop. Each server gets the output that bounds its memory best: Reactor Netty's native channel, or any
 * other {@link ServerHttpResponse} through its demand.
 */
interface ResponseOutput {

    /** Commit the status and headers through Spring, so that its commit actions and cookies apply. */
    void sendHeaders(int status, String reason, List<Header> headers) throws IOException;

    /** Send bytes, returning once the server took them; the caller may then reuse the array. */
    void write(byte[] data, int offset, int length) throws IOException;

    /** Send part of a file without copying it through the heap, or return {@code -1} if this server cannot. */
    long transferFile(FileChannel file, long position, long count) throws IOException;

    /** Note that the body is complete. */
    void complete() throws IOException;

    /** Close the connection without ending the response (docs/SPEC.md §6.3, §7). */
    void abort();

    /**
     * Close the connection from another thread, for a shutdown that aborts the request (docs/SPEC.md §10.6); the
     * default does nothing, where the server offers no connection to close.
     */
    default void disconnect() {
    }

    /**
     * End the handler with an error before anything was committed, leaving the response to Spring's error handling
     * (docs/SPEC.md §7).
     */
    void fail(Throwable error);

    /** Learn that the server stopped waiting for this response: the client went away. */
    void cancelled();

    /** Let the server finish the response; called once, after the engine returned, whatever happened. */
    void end();

    /** Tell whether the server was told the response ended, which it may be before the engine returned. */
    boolean ended();

    /** Tell whether the signal that lets the server finish the response was given. */
    static boolean ended(Sinks.Empty<Void> done) {
        return Boolean.TRUE.equals(done.scan(Scannable.Attr.TERMINATED));
    }

    /** Set the status and the application's headers on Spring's response, before it is committed. */
    static void apply(ServerHttpResponse response, int status, List<Header> headers) {
        response.setStatusCode(HttpStatusCode.valueOf(status));
        HttpHeaders target = response.getHeaders();
        for (Header header : headers) {
            target.add(header.name(), header.value());
        }
    }
}
