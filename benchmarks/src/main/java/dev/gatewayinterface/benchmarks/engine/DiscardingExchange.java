package dev.gatewayinterface.benchmarks.engine;

import dev.gatewayinterface.Header;
import dev.gatewayinterface.engine.Exchange;
import dev.gatewayinterface.engine.Gateway;
import dev.gatewayinterface.middleware.ContractViolationException;
import java.io.InputStream;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Serve a fixed GET request from memory and count what the engine sends, keeping nothing: the server side of the
 * microbenchmarks, so that they measure the engine and not a server or a test client's buffers. One instance serves
 * one request at a time, again and again, so that it allocates nothing per request.
 */
final class DiscardingExchange implements Exchange {

    private final String rawPathInfo;

    private final String rawQuery;

    private final List<Header> requestHeaders;

    private int status;

    private int headerCount;

    private long bytesWritten;

    private boolean completed;

    private Throwable failure;

    DiscardingExchange(String rawPathInfo, String rawQuery, List<Header> requestHeaders) {
        this.rawPathInfo = rawPathInfo;
        this.rawQuery = rawQuery;
        this.requestHeaders = List.copyOf(requestHeaders);
    }

    /**
     * Serve the request once through the engine, after forgetting the last response.
     * @param gateway the engine under measure
     * @return a figure of the response, which the benchmark returns to JMH so that no work is optimised away
     */
    long serve(Gateway gateway) {
        reset();
        gateway.handle(this);
        return outcome();
    }

    private void reset() {
        status = 0;
        headerCount = 0;
        bytesWritten = 0;
        completed = false;
        failure = null;
    }

    private long outcome() {
        return status + headerCount + bytesWritten;
    }

    /**
     * Fail unless the last request was answered as expected: a benchmark of a failing request measures nothing.
     * @param expectedStatus the status the application sends
     * @param expectedBytes the body length it sends
     */
    void verify(int expectedStatus, long expectedBytes) {
        if (failure != null || !completed || status != expectedStatus || bytesWritten != expectedBytes) {
            throw new IllegalStateException("The benchmark's request was not answered as expected: status " + status
                    + " (expected " + expectedStatus + "), " + bytesWritten + " bytes (expected " + expectedBytes
                    + "), completed " + completed, failure);
        }
    }

    /**
     * Record a breach the contract validator found, which {@link #verify} reports.
     * @param violation the breach
     */
    void violated(ContractViolationException violation) {
        failure = violation;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String rawScriptName() {
        return "";
    }

    @Override
    public String rawPathInfo() {
        return rawPathInfo;
    }

    @Override
    public String rawQuery() {
        return rawQuery;
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
        return 8080;
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1";
    }

    @Override
    public int remotePort() {
        return 50000;
    }

    @Override
    public void forEachHeader(BiConsumer<String, String> consumer) {
        for (Header header : requestHeaders) {
            consumer.accept(header.name(), header.value());
        }
    }

    @Override
    public long contentLength() {
        return -1;
    }

    @Override
    public InputStream body() {
        return InputStream.nullInputStream();
    }

    @Override
    public void sendHeaders(int status, String reason, List<Header> headers) {
        this.status = status;
        this.headerCount = headers.size();
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        bytesWritten += length;
    }

    @Override
    public void flush() {
    }

    @Override
    public void applicationFailed(Throwable error) {
        failure = error;
    }

    @Override
    public void complete() {
        completed = true;
    }

    @Override
    public void abort(Throwable reason) {
        failure = reason;
    }
}
