package dev.gatewayinterface.engine;

import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.Write;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hold one request's response state: the {@code start_response} and {@code write} callables, headers
 * deferred until the first body byte, the {@code Content-Length} bookkeeping, and what to do on failure
 * (docs/SPEC.md §5–§7).
 */
final class Response implements StartResponse, Write {

    private static final Logger logger = LoggerFactory.getLogger(Gateway.class);

    private static final byte[] ERROR_BODY = "500 Internal Server Error\n".getBytes(StandardCharsets.US_ASCII);

    /** What {@code OPTIONS *} answers: Tomcat's own list, so that both stacks say the same. */
    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";

    private final Exchange exchange;

    private final String application;

    private final boolean head;

    private String status;

    private int code;

    private List<Header> headers;

    /** The length the application declared, or {@code -1}. */
    private long declaredLength = -1;

    private long sent;

    private boolean started;

    private boolean headersSent;

    private boolean overrun;

    private boolean clientGone;

    private boolean aborted;

    /** Set once the response was finished, failed or aborted: nothing more may reach the exchange. */
    private volatile boolean ended;

    /** The status code actually sent, or 0. */
    private int sentStatus;

    private Throwable error;

    private final RequestObserver.Request observed;

    /** Tells whether the connection must close after this response, however it ends. */
    private final BooleanSupplier closeConnection;

    Response(Exchange exchange, String application, boolean head, RequestObserver.Request observed,
            BooleanSupplier closeConnection) {
        this.exchange = exchange;
        this.application = application;
        this.head = head;
        this.observed = observed;
        this.closeConnection = closeConnection;
    }

    @Override
    public Write start(String status, List<Header> headers, Throwable excInfo) {
        if (excInfo != null) {
            if (headersSent) {
                throw Response.<RuntimeException>rethrow(excInfo);
            }
        }
        else if (started) {
            throw new IllegalStateException(
                    "start_response was already called; a second call must pass excInfo (SPEC §5.4)");
        }
        int parsedCode = ResponseRules.statusCode(status);
        // Keep the list that was checked: one the application changes later must not send unchecked headers.
        List<Header> checked = headers == null ? null : new ArrayList<>(headers);
        long length = ResponseRules.checkHeaders(checked);
        this.status = status;
        this.code = parsedCode;
        this.headers = checked;
        this.declaredLength = length;
        this.started = true;
        return this;
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (!started) {
            throw new IllegalStateException("write() was called before start_response (SPEC §5.5)");
        }
        if (data == null) {
            throw new IllegalArgumentException("write() needs bytes, not null (SPEC §5.5)");
        }
        if (ended) {
            throw new IllegalStateException("write() was called with " + data.length
                    + " bytes after the response had ended; a write callable is good only until then (SPEC §5.5)");
        }
        writeChunk(data);
    }

    /**
     * Send one body chunk, sending the headers first if this is the first byte.
     * @return {@code false} once the declared {@code Content-Length} is used up and the rest is dropped
     */
    boolean writeChunk(byte[] data) throws IOException {
        if (data.length == 0) {
            return true;
        }
        if (!started) {
            throw new IllegalStateException("the application produced " + data.length
                    + " body bytes before calling start_response (SPEC §5.4)");
        }
        sendHeadersIfNeeded();
        if (bodyForbidden() || overrun) {
            return !overrun;
        }
        int length = data.length;
        if (declaredLength >= 0 && length > declaredLength - sent) {
            length = (int) (declaredLength - sent);
            overrun = true;
            logger.warn("Application '{}' produced more than its Content-Length of {} bytes; the excess was dropped",
                    application, declaredLength);
        }
        if (length > 0) {
            try {
                exchange.write(data, 0, length);
                exchange.flush();
            }
            catch (IOException ex) {
                throw clientGone(ex);
            }
            sent += length;
        }
        return !overrun;
    }

    /**
     * Set {@code Content-Length} from a body whose length is known, when the application gave none. Not to 0
     * for HEAD: an application may rightly skip the body there, and 0 would misstate what GET returns (§6.1).
     */
    void lengthHint(long length) {
        if (length >= 0 && !(head && length == 0) && started && !headersSent && declaredLength < 0
                && !statusForbidsBody()) {
            List<Header> withLength = new ArrayList<>(headers.size() + 1);
            withLength.addAll(headers);
            withLength.add(new Header("Content-Length", Long.toString(length)));
            headers = withLength;
            declaredLength = length;
        }
    }

    /**
     * Send a real file through the exchange without copying it through the heap, if the exchange can.
     * @return {@code false} if the body must be iterated instead
     */
    boolean transferFile(FileChannel channel) throws IOException {
        if (!started) {
            return false;
        }
        long position = channel.position();
        long count = Math.max(0, channel.size() - position);
        if (count == 0) {
            // Pipes, devices and /proc files report size 0 whatever they hold: only iterating them is safe.
            return false;
        }
        lengthHint(count);
        if (declaredLength >= 0) {
            // Bytes the application already passed to write() count against its Content-Length too.
            count = Math.min(count, Math.max(0, declaredLength - sent));
        }
        sendHeadersIfNeeded();
        if (bodyForbidden()) {
            return true;
        }
        long transferred;
        try {
            transferred = exchange.transferFile(channel, position, count);
        }
        catch (IOException ex) {
            throw clientGone(ex);
        }
        if (transferred < 0) {
            return false;
        }
        // A file that ended early leaves the body short of its Content-Length, which finish() aborts.
        sent += transferred;
        return true;
    }

    /** End the response after the body was sent; a body shorter than its Content-Length aborts. */
    void finish() throws IOException {
        try {
            complete();
        }
        finally {
            ended = true;
        }
    }

    private void complete() throws IOException {
        if (!started) {
            throw new IllegalStateException("the application returned without calling start_response (SPEC §5.4)");
        }
        if (!headersSent) {
            // The whole body is known to be empty: say so, so the response need not be chunked (not for HEAD).
            lengthHint(0);
            sendHeadersIfNeeded();
        }
        if (!bodyForbidden() && declaredLength >= 0 && sent < declaredLength) {
            logger.warn("Application '{}' declared a Content-Length of {} bytes but produced {}; "
                    + "closing the connection so the client sees a truncated response (SPEC §6.3)",
                    application, declaredLength, sent);
            abort(new IllegalStateException("body shorter than Content-Length"));
            return;
        }
        try {
            exchange.complete();
        }
        catch (IOException ex) {
            throw clientGone(ex);
        }
    }

    /**
     * Answer a request the acceptance policy refused, before the application was called: the status, a short
     * text naming the rule, and {@code Connection: close}, so that nothing behind the request on the same
     * connection is read as a request of its own (SPEC §14).
     */
    void refuse(Refusal refusal) throws IOException {
        int status = refusal.status();
        logger.debug("Refused a request for application '{}' with {}: {}", application, status, refusal.rule());
        byte[] body = refusal.body();
        try {
            exchange.sendHeaders(status, refusal.reason(), List.of(new Header("Content-Type", Refusal.CONTENT_TYPE),
                    new Header("Content-Length", Integer.toString(body.length)), new Header("Connection", "close")));
            headersSent = true;
            started = true;
            code = status;
            declaredLength = body.length;
            started(status);
            if (!head) {
                exchange.write(body, 0, body.length);
                sent += body.length;
            }
            exchange.complete();
        }
        catch (IOException ex) {
            throw clientGone(ex);
        }
        finally {
            ended = true;
        }
    }

    /** Tell whether nothing was sent yet, so that {@link #refuse} can still answer. */
    boolean canRefuse() {
        return !headersSent && !clientGone;
    }

    /**
     * Answer {@code OPTIONS *}, a question about the server rather than a resource, with the methods the gateway
     * lets through, as Tomcat does for every application it serves (RFC 9110 §9.3.7).
     */
    void allowMethods() throws IOException {
        try {
            exchange.sendHeaders(200, "OK", List.of(new Header("Allow", ALLOWED_METHODS),
                    new Header("Content-Length", "0")));
            headersSent = true;
            started = true;
            code = 200;
            declaredLength = 0;
            started(200);
            exchange.complete();
        }
        catch (IOException ex) {
            throw clientGone(ex);
        }
        finally {
            ended = true;
        }
    }

    /** Answer a failure: 500 if nothing was sent yet, else abort the connection (docs/SPEC.md §7). */
    void fail(Throwable failure) {
        try {
            answer(failure);
        }
        finally {
            ended = true;
        }
    }

    private void answer(Throwable failure) {
        if (clientGone) {
            logger.debug("Client went away while application '{}' was responding", application, failure);
            abort(failure);
            return;
        }
        this.error = failure;
        try {
            exchange.applicationFailed(failure);
        }
        catch (RuntimeException ex) {
            logger.warn("The server binding failed to record an application failure", ex);
        }
        if (headersSent) {
            log("Application '{}' failed after the response started; closing the connection", failure);
            abort(failure);
            return;
        }
        log("Application '{}' failed before the response started; answering 500", failure);
        try {
            if (exchange.answerFailure(failure)) {
                // The server's own error handling sends the 500 and ends the response (docs/SPEC.md §7).
                headersSent = true;
                started(500);
                return;
            }
            exchange.sendHeaders(500, "Internal Server Error",
                    List.of(new Header("Content-Type", "text/plain; charset=utf-8"),
                            new Header("Content-Length", Integer.toString(ERROR_BODY.length))));
            headersSent = true;
            // A write callable the application kept must not add to the 500 beyond its declared length.
            declaredLength = ERROR_BODY.length;
            started(500);
            if (!head) {
                exchange.write(ERROR_BODY, 0, ERROR_BODY.length);
                sent += ERROR_BODY.length;
            }
            exchange.complete();
        }
        catch (IOException ex) {
            logger.debug("Client went away before the 500 response was sent", ex);
            clientGone = true;
            abort(ex);
        }
    }

    /** Log an application's failure at ERROR, or at DEBUG where the binding reports it itself. */
    private void log(String message, Throwable failure) {
        if (exchange.reportsFailures()) {
            logger.debug(message, application, failure);
        }
        else {
            logger.error(message, application, failure);
        }
    }

    /** Sum up the request for the observer. */
    RequestOutcome outcome(long requestBytes) {
        return new RequestOutcome(sentStatus, requestBytes, sent, error, clientGone, aborted);
    }

    private void abort(Throwable reason) {
        aborted = true;
        exchange.abort(reason);
    }

    private void started(int status) {
        sentStatus = status;
        try {
            observed.responseStarted(status);
        }
        catch (RuntimeException ex) {
            logger.warn("A request observer failed", ex);
        }
    }

    private void sendHeadersIfNeeded() throws IOException {
        if (headersSent) {
            return;
        }
        headersSent = true;
        try {
            exchange.sendHeaders(code, status.substring(4), closeConnection.getAsBoolean() ? closing(headers) : headers);
        }
        catch (IOException ex) {
            throw clientGone(ex);
        }
        started(code);
    }

    /** Add {@code Connection: close} to the application's headers, which never hold a Connection header (§5.3). */
    private static List<Header> closing(List<Header> headers) {
        List<Header> closing = new ArrayList<>(headers.size() + 1);
        closing.addAll(headers);
        closing.add(new Header("Connection", "close"));
        return closing;
    }

    /** HEAD, 1xx, 204 and 304 responses carry no body bytes (docs/SPEC.md §6.4). */
    private boolean bodyForbidden() {
        return head || statusForbidsBody();
    }

    /** A HEAD response still says how long the body is; 1xx, 204 and 304 responses have none at all. */
    private boolean statusForbidsBody() {
        return code < 200 || code == 204 || code == 304;
    }

    private IOException clientGone(IOException cause) {
        clientGone = true;
        return cause;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable error) throws T {
        throw (T) error;
    }
}
