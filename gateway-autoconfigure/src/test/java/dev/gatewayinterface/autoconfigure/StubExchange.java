package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.Header;
import dev.gatewayinterface.engine.Exchange;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Stand in for a server's exchange in auto-configuration tests that drive a mount's gateway directly:
 * a bodiless {@code GET /}, whose response it records.
 */
public final class StubExchange implements Exchange {

    private final String method;

    private int status;

    private boolean completed;

    private volatile boolean responseFinished;

    private volatile boolean disconnected;

    public StubExchange(String method) {
        this.method = method;
    }

    public int status() {
        return status;
    }

    public boolean completed() {
        return completed;
    }

    /** Act as a server that ended the response before the engine returned, as Reactor Netty does. */
    public StubExchange finishedByTheServer() {
        responseFinished = true;
        return this;
    }

    private volatile Thread servingThread;

    private volatile boolean disconnectedBeforeInterrupt;

    /** Tell whether something closed the connection from outside the request, as a shutdown does. */
    public boolean disconnected() {
        return disconnected;
    }

    /** Name the thread that serves this request, for {@link #disconnectedBeforeInterrupt()}. */
    public void servedOn(Thread thread) {
        servingThread = thread;
    }

    /** Tell whether the disconnect came while the serving thread was not yet interrupted. */
    public boolean disconnectedBeforeInterrupt() {
        return disconnectedBeforeInterrupt;
    }

    @Override
    public void disconnect() {
        Thread thread = servingThread;
        disconnectedBeforeInterrupt = thread != null && !thread.isInterrupted();
        disconnected = true;
    }

    @Override
    public boolean responseFinished() {
        return responseFinished;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String rawScriptName() {
        return "";
    }

    @Override
    public String rawPathInfo() {
        return "/";
    }

    @Override
    public String rawQuery() {
        return null;
    }

    @Override
    public String protocol() {
        return "HTTP/1.1";
    }

    @Override
    public String scheme() {
        return "http";
    }

    @Override
    public String serverName() {
        return "localhost";
    }

    @Override
    public int serverPort() {
        return 80;
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1";
    }

    @Override
    public int remotePort() {
        return 5000;
    }

    @Override
    public void forEachHeader(BiConsumer<String, String> consumer) {
        consumer.accept("Host", "localhost");
    }

    @Override
    public long contentLength() {
        return -1;
    }

    @Override
    public InputStream body() {
        return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public void sendHeaders(int status, String reason, List<Header> headers) {
        this.status = status;
    }

    @Override
    public void write(byte[] data, int offset, int length) {
    }

    @Override
    public void flush() {
    }

    @Override
    public void complete() {
        completed = true;
    }

    @Override
    public void abort(Throwable reason) {
    }
}
