package dev.gatewayinterface.engine;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Body;
import java.nio.channels.FileChannel;
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
        RequestInput input = new RequestInput(exchange::body, exchange.contentLength(), options.limits());
        // A body the client broke leaves the rest of the connection unreadable: whatever answers, it closes (§4.3).
        Response response = new Response(exchange, options.name(), "HEAD".equals(exchange.method()), observed,
                () -> input.failure() != null);
        LoggingErrors errors = new LoggingErrors(options.name());
        RequestEnd end = new RequestEnd();
        Cleanup cleanup = new Cleanup(logger);
        Iterable<byte[]> body = null;
        try {
            Refusal refusal = RequestPolicy.check(exchange, options.strictPaths(), options.limits());
            RequestOrigin origin = null;
            if (refusal == null) {
                try {
                    origin = RequestOrigin.of(exchange, options.trustedProxies());
                }
                catch (IllegalArgumentException ex) {
                    // A trusted proxy's values contradict each other: no environ could say which is true (SPEC §16).
                    refusal = new Refusal(400, "Bad Request", ex.getMessage());
                }
            }
            if (refusal != null) {
                // The application never sees a request whose framing or syntax a proxy may read otherwise (SPEC §14).
                response.refuse(refusal);
            }
            else if (RequestPolicy.isServerOptions(exchange)) {
                response.allowMethods();
            }
            else {
                Map<String, Object> environ = environBuilder.build(exchange, origin, input, errors, end);
                body = application.call(environ, response);
                if (body == null) {
                    throw new IllegalStateException("the application returned null, not an iterable body (SPEC §1.2)");
                }
                send(body, response);
                response.finish();
            }
        }
        catch (Throwable error) {
            // Any Error but a VirtualMachineError is the application's failure like an exception (SPEC §7), but
            // for the client's broken body let through: that is answered as the client's fault (SPEC §4.3).
            RequestBodyException clientFault = input.failure();
            cleanup.run("The server failed to answer an application's failure", () -> {
                if (clientFault != null && response.canRefuse()) {
                    response.refuse(clientFault.refusal());
                }
                else {
                    response.fail(error);
                }
            });
            if (error instanceof VirtualMachineError fatal) {
                cleanup.fatal(fatal);
            }
        }
        // Every step runs whatever the one before threw: the last ones hand resources back (SPEC §1.3, §7).
        cleanup.run("A request observer failed", observed::responseEnded);
        Iterable<byte[]> sent = body;
        cleanup.run("Application '" + options.name() + "' failed to close its body", () -> close(sent));
        cleanup.run("Application '" + options.name() + "' could not flush wsgi.errors", errors::flush);
        cleanup.run("A request-end hook failed", end::end);
        cleanup.run("A request observer failed", () -> observed.requestEnded(response.outcome(input.consumed())));
        cleanup.rethrowFatal();
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

    /**
     * Send the body: a file without iterating it when the body's facts name one and the binding can, else chunk
     * by chunk, with {@code Content-Length} from the body's known length (§1.4).
     */
    private static void send(Iterable<byte[]> body, Response response) throws Exception {
        FileChannel file = Body.fileOf(body);
        if (file != null && response.transferFile(file)) {
            return;
        }
        long length = Body.lengthOf(body);
        Iterator<byte[]> chunks = body.iterator();
        while (chunks.hasNext()) {
            byte[] chunk = chunks.next();
            if (chunk == null) {
                throw new IllegalStateException("the application's body yielded null, not a byte[] chunk (SPEC §1.2)");
            }
            // Only now: a lazy application calls start_response while its first chunk is produced.
            response.lengthHint(length);
            if (!response.writeChunk(chunk)) {
                return;
            }
        }
    }

    private static void close(Iterable<byte[]> body) throws Exception {
        if (body instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
