package dev.gatewayinterface.engine;

import dev.gatewayinterface.Header;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Connect the {@link Gateway} lifecycle to one server's request and response: request facts in;
 * status, headers, bytes, flush and abort out.
 *
 * <p>Each server binding implements this once, as a small package-private class; the lifecycle, the
 * environ and every rule of docs/SPEC.md live in the engine, never in the binding. Strings are as the
 * server received them: paths and queries still percent-encoded, header values one char per byte.
 */
public interface Exchange {

    /**
     * Tell whether a header is one that proxies use to forward the client's request ({@code Forwarded},
     * {@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code -Port}, {@code -Prefix}, {@code -Ssl}): a
     * binding passes these as the connection received them, even where the server's own forwarded-header handling
     * removed or rewrote them for other handlers, since the engine applies its own rule (docs/SPEC.md §16).
     * @param name a header name, in any case
     * @return {@code true} for a forwarded header
     */
    static boolean isForwardedHeader(String name) {
        // Asked of every header of every request: the first char tells most names apart without a lower-cased copy.
        char first = name.isEmpty() ? ' ' : name.charAt(0);
        return (first == 'f' || first == 'F' || first == 'x' || first == 'X')
                && ForwardedHeaders.NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Return the request method.
     * @return the method, such as {@code "GET"}
     */
    String method();

    /**
     * Return the raw, percent-encoded part of the path that leads to the application's mount point.
     * @return {@code ""} at the root, else a path starting with {@code /}
     */
    String rawScriptName();

    /**
     * Return the raw, percent-encoded rest of the path below the mount point.
     * @return {@code ""} or a path starting with {@code /}
     */
    String rawPathInfo();

    /**
     * Return the raw query, without its {@code ?}.
     * @return the query as sent, or {@code null} when the target had no {@code ?}
     */
    String rawQuery();

    /**
     * Return the protocol.
     * @return the protocol, such as {@code "HTTP/1.1"}
     */
    String protocol();

    /**
     * Return the scheme of the connection, before any forwarded header (docs/SPEC.md §16).
     * @return {@code "http"} or {@code "https"}
     */
    String scheme();

    /**
     * Return the host name the request was addressed to, by its {@code Host} header, before any forwarded header.
     * @return the server name
     */
    String serverName();

    /**
     * Return the port the request was addressed to, by its {@code Host} header or the scheme's default, before any
     * forwarded header.
     * @return the server port
     */
    int serverPort();

    /**
     * Return the address of the connection's peer: the client, or a proxy (docs/SPEC.md §16).
     * @return the address, or {@code null} if unknown
     */
    String remoteAddress();

    /**
     * Return the port of the connection's peer.
     * @return the port, or {@code -1} if unknown
     */
    int remotePort();

    /**
     * Return the name of the user the server authenticated.
     * @return the user name, or {@code null}
     */
    default String remoteUser() {
        return null;
    }

    /**
     * Return the authentication scheme the server used.
     * @return the scheme, or {@code null}
     */
    default String authType() {
        return null;
    }

    /**
     * Pass each request header to the consumer, once per value, in the order received.
     * @param consumer receives each name and value
     */
    void forEachHeader(BiConsumer<String, String> consumer);

    /**
     * Return the request's declared body length.
     * @return the length, or {@code -1} when unknown (for instance a chunked upload)
     */
    long contentLength();

    /**
     * Return the request body, de-chunked, answering {@code Expect: 100-continue} as needed.
     * @return the body stream, owned by the server
     * @throws IOException if the body cannot be opened
     */
    InputStream body() throws IOException;

    /**
     * Add the server's extension keys ({@code gateway.*}) to a new environ.
     * @param environ the environ being built
     */
    default void addExtensions(Map<String, Object> environ) {
    }

    /**
     * Send the status line and headers. Called at most once per request.
     * @param status the status code
     * @param reason the reason phrase, which some servers cannot send
     * @param headers the headers to send, already checked
     * @throws IOException if the client went away
     */
    void sendHeaders(int status, String reason, List<Header> headers) throws IOException;

    /**
     * Send body bytes, after {@link #sendHeaders}.
     * @param data the buffer
     * @param offset where the bytes start
     * @param length how many bytes to send
     * @throws IOException if the client went away
     */
    void write(byte[] data, int offset, int length) throws IOException;

    /**
     * Push what was written so far to the client.
     * @throws IOException if the client went away
     */
    void flush() throws IOException;

    /**
     * Send part of a file without copying it through the heap, if this server can.
     * @param file the file to send from
     * @param position where to start
     * @param count how many bytes to send
     * @return how many bytes were sent, fewer than {@code count} only if the file ended early; or {@code -1}
     *     if this server cannot send files, and the engine should iterate the body instead
     * @throws IOException if the client went away or the file cannot be read
     */
    default long transferFile(FileChannel file, long position, long count) throws IOException {
        return -1;
    }

    /**
     * Learn that the application failed, before the engine answers 500 or aborts the response; not called
     * when the client went away. For bindings that report errors, such as metrics or a test client.
     * @param error what the application threw, or the rule it broke
     */
    default void applicationFailed(Throwable error) {
    }

    /**
     * Answer an application's failure, before anything of its response was sent, through the server's own error
     * handling (a framework's error controller or error page) instead of the engine's plain 500 (docs/SPEC.md §7).
     * Called after {@link #applicationFailed}. A binding that returns {@code true} ends the response itself, with
     * status 500: the engine then sends nothing more and calls neither {@link #complete()} nor {@link #abort}.
     * @param error what the application threw, or the rule it broke
     * @return {@code true} if the server answers the failure; {@code false}, the default, for the engine's plain 500
     * @throws IOException if the client went away
     */
    default boolean answerFailure(Throwable error) throws IOException {
        return false;
    }

    /**
     * Return the request target exactly as the client sent it, for the acceptance policy (docs/SPEC.md §14), when
     * the server lets it through without checking its form itself.
     * @return the raw target, or {@code null} when the server already refused malformed targets
     */
    default String rawTarget() {
        return null;
    }

    /**
     * Return the request target the client sent, path and query, when the binding has it from elsewhere than the
     * path it split: a proxy's own {@code REQUEST_URI} (docs/SPEC.md §16). The environ's {@code REQUEST_URI} and
     * {@code RAW_URI} are built from the raw path and query when this is {@code null}.
     * @return the target, percent-encoded as sent, or {@code null}
     */
    default String requestUri() {
        return null;
    }

    /**
     * Tell whether the binding hands an application's failure on to its caller itself, as a test client that
     * rethrows it to the test does: the engine then logs the failure at DEBUG rather than ERROR, so that an
     * expected exception does not fill a test's log with a stack trace.
     * @return {@code true} if the binding reports failures itself
     */
    default boolean reportsFailures() {
        return false;
    }

    /**
     * End the response normally.
     * @throws IOException if the client went away
     */
    void complete() throws IOException;

    /**
     * Close the connection without ending the response, so that the client cannot take a truncated
     * response for a complete one.
     * @param reason why, for the server's own bookkeeping
     */
    void abort(Throwable reason);

    /**
     * Close the connection from outside the request's thread, because a shutdown aborts the request (docs/SPEC.md
     * §10.6): called before that thread is interrupted, so that the failure the interrupt causes (a 500, when nothing
     * was sent yet) reaches no client, which sees the connection cut as if the server had closed it. Safe to call from
     * any thread. The default does nothing, for a server that closed every connection itself when it stopped.
     */
    default void disconnect() {
    }

    /**
     * Tell whether the server has already ended the response on its side while the engine still runs: a binding
     * that lets the server finish a response as soon as its last bytes are written, before the body is closed,
     * says so, and the request is then no longer producing anything a shutdown should interrupt.
     * @return {@code true} once the server ended the response
     */
    default boolean responseFinished() {
        return false;
    }
}
