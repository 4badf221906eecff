package dev.gatewayinterface.engine;

import dev.gatewayinterface.Application;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drive one request through an {@link Application}: the single request lifecycle every server binding
 * shares. Build the environ, call the application, send headers lazily, stream the body chunk by chunk,
 * handle errors, and close the body exactly once in every case (docs/SPEC.md §1, §6, §7).
 *
 * <p>A {@code Gateway} is immutable and thread-safe; bindings create one per mounted application and call
 * {@link #handle} from any number of threads.
 */
public final class Gateway {

    private static final Logger logger = LoggerFactory.getLogger(Gateway.class);

    private final Application application;

    private final GatewayOptions options;

    private final EnvironBuilder environBuilder;

    /**
     * Create the lifecycle for one application.
     * @param application the application to call
     * @param options the deployer's settings
     */
    public Gateway(Application application, GatewayOptions options) {
        this.application = Objects.requireNonNull(application, "application must not be null");
        this.options = Objects.requireNonNull(options, "options must not be null");
        this.environBuilder = new EnvironBuilder(options);
    }

    /**
     * Return the application this gateway calls.
     * @return the application
     */
    public Application application() {
        return application;
    }

    /**
     * Return this gateway's settings.
     * @return the options
     */
    public GatewayOptions options() {
        return options;
    }

    /**
     * Serve one request. Never throws for what the application does: failures become a 500 or an aborted
     * connection, and are logged.
     * @param exchange the server's request and response
     */
    public void handle(Exchange exchange) {
        RequestObserver.Request observed = observe(exchange);
        Response response = new Response(exchange, options.name(), "HEAD".equals(exchange.method()), observed);
        LoggingErrors errors = new LoggingErrors(options.name());
        RequestEnd end = new RequestEnd();
        RequestInput input = new RequestInput(exchange::body, exchange.contentLength());
        Iterable<byte[]> body = null;
        try {
            Map<String, Object> environ = environBuilder.build(exchange, input, errors, end);
            body = application.call(environ, response);
            if (body == null) {
                throw new IllegalStateException("the application returned null, not an iterable body (SPEC §1.2)");
            }
            send(body, response);
            response.finish();
        }
        catch (Throwable error) {
            response.fail(error);
            if (error instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        }
        finally {
            close(body);
            errors.flush();
            end.end();
            ended(observed, response.outcome(input.consumed()));
        }
    }

    private RequestObserver.Request observe(Exchange exchange) {
        try {
            return options.observer().requestStarted(exchange);
        }
        catch (RuntimeException ex) {
            logger.warn("A request observer failed to start", ex);
            return RequestObserver.Request.NONE;
        }
    }

    private static void ended(RequestObserver.Request observed, RequestOutcome outcome) {
        try {
            observed.requestEnded(outcome);
        }
        catch (RuntimeException ex) {
            logger.warn("A request observer failed", ex);
        }
    }

    private static void send(Iterable<byte[]> body, Response response) throws Exception {
        if (body instanceof FileBody file && file.channel() != null && response.transferFile(file.channel())) {
            return;
        }
        boolean single = body instanceof Collection<?> collection && collection.size() == 1;
        Iterator<byte[]> chunks = body.iterator();
        while (chunks.hasNext()) {
            byte[] chunk = chunks.next();
            if (chunk == null) {
                throw new IllegalStateException("the application's body yielded null, not a byte[] chunk (SPEC §1.2)");
            }
            if (single) {
                response.lengthHint(chunk.length);
            }
            if (!response.writeChunk(chunk)) {
                return;
            }
        }
    }

    private void close(Iterable<byte[]> body) {
        if (body instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            }
            catch (Exception ex) {
                logger.error("Application '{}' failed to close its body", options.name(), ex);
            }
        }
    }
}
