package dev.gatewayinterface.engine;

import dev.gatewayinterface.Header;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Stand in for a server binding: request facts set up fluently, and everything the engine does to the
 * response recorded so that tests can assert on it.
 *
 * <p>It also records breaches of the {@link Exchange} protocol (bytes before headers, headers twice, a
 * body that disagrees with the Content-Length it was sent with, completing and aborting the same
 * response) in {@link #violations()}, because a binding would turn those into corrupt HTTP rather than
 * an exception a test could see.
 */
public final class FakeExchange implements Exchange {

    private String method = "GET";
    private String rawScriptName = "";
    private String rawPathInfo = "/";
    private String rawQuery;
    private String protocol = "HTTP/1.1";
    private String scheme = "http";
    private String serverName = "localhost";
    private int serverPort = 8080;
    private String remoteAddress = "127.0.0.1";
    private int remotePort = 54321;
    private String remoteUser;
    private String authType;
    private final List<Header> requestHeaders = new ArrayList<>();

    private boolean sendsHost = true;

    private String rawTarget;

    private String requestUri;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private byte[] requestBody = new byte[0];
    private byte[] pipelined = new byte[0];
    private IOException bodyFailure;
    private Long declaredContentLength;
    private boolean transferSupported;
    private long failWritesAfter = -1;
    private boolean answersFailures;

    // What the engine did with this exchange.
    private ByteArrayInputStream openedBody;
    private int bodyOpens;
    private int status = -1;
    private String reason;
    private List<Header> sentHeaders;
    private int sendHeadersCalls;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private int flushes;
    private int transferCalls;
    private long transferPosition = -1;
    private long transferCount = -1;
    private boolean completed;
    private boolean aborted;
    private Throwable abortReason;

    private Throwable applicationFailure;
    private Throwable answeredFailure;
    private final List<String> violations = new ArrayList<>();

    public FakeExchange method(String method) {
        this.method = method;
        return this;
    }

    public FakeExchange rawScriptName(String rawScriptName) {
        this.rawScriptName = rawScriptName;
        return this;
    }

    public FakeExchange rawPathInfo(String rawPathInfo) {
        this.rawPathInfo = rawPathInfo;
        return this;
    }

    public FakeExchange rawQuery(String rawQuery) {
        this.rawQuery = rawQuery;
        return this;
    }

    public FakeExchange protocol(String protocol) {
        this.protocol = protocol;
        return this;
    }

    public FakeExchange scheme(String scheme) {
        this.scheme = scheme;
        return this;
    }

    public FakeExchange server(String name, int port) {
        this.serverName = name;
        this.serverPort = port;
        return this;
    }

    public FakeExchange remote(String address, int port) {
        this.remoteAddress = address;
        this.remotePort = port;
        return this;
    }

    public FakeExchange authenticated(String user, String type) {
        this.remoteUser = user;
        this.authType = type;
        return this;
    }

    /** Add one header value; call again with the same name for a repeated header. */
    /** Send no Host header, which an HTTP/1.1 request must have. */
    public FakeExchange withoutHost() {
        this.sendsHost = false;
        return this;
    }

    /** Hand the engine the raw request target, as a binding does whose server lets targets through unchecked. */
    public FakeExchange rawTarget(String rawTarget) {
        this.rawTarget = rawTarget;
        return this;
    }

    @Override
    public String rawTarget() {
        return rawTarget;
    }

    public FakeExchange requestUri(String requestUri) {
        this.requestUri = requestUri;
        return this;
    }

    @Override
    public String requestUri() {
        return requestUri;
    }

    public FakeExchange header(String name, String value) {
        requestHeaders.add(new Header(name, value));
        return this;
    }

    public FakeExchange extension(String key, Object value) {
        extensions.put(key, value);
        return this;
    }

    public FakeExchange body(byte[] body) {
        this.requestBody = body.clone();
        return this;
    }

    public FakeExchange body(String body) {
        return body(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Put more bytes on the "connection" after the body, as a pipelined next request would. */
    public FakeExchange pipelined(String next) {
        this.pipelined = next.getBytes(StandardCharsets.ISO_8859_1);
        return this;
    }

    /** Make the body stream fail, as a server's does on a broken chunk or a stalled client, after the body's bytes. */
    public FakeExchange failingBody(IOException failure) {
        this.bodyFailure = failure;
        return this;
    }

    public FakeExchange contentLength(long contentLength) {
        this.declaredContentLength = contentLength;
        return this;
    }

    /** Declare no length, as a chunked upload does. */
    public FakeExchange chunked() {
        return contentLength(-1);
    }

    public FakeExchange transferSupported(boolean transferSupported) {
        this.transferSupported = transferSupported;
        return this;
    }

    /** Make the client "go away": writes fail once this many body bytes were accepted. */
    public FakeExchange failWritesAfter(long bytes) {
        this.failWritesAfter = bytes;
        return this;
    }

    /** Answer an application's failure before the response started through "the server's" error handling. */
    public FakeExchange answersFailures() {
        this.answersFailures = true;
        return this;
    }

    @Override
    public String method() {
        return method;
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
        return rawQuery;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public String scheme() {
        return scheme;
    }

    @Override
    public String serverName() {
        return serverName;
    }

    @Override
    public int serverPort() {
        return serverPort;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public int remotePort() {
        return remotePort;
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
        // Like any HTTP/1.1 client, send a Host unless the test gave one or asked for none.
        if (sendsHost && requestHeaders.stream().noneMatch(header -> header.is("Host"))) {
            consumer.accept("Host", "localhost");
        }
        for (Header header : requestHeaders) {
            consumer.accept(header.name(), header.value());
        }
    }

    @Override
    public long contentLength() {
        return declaredContentLength != null ? declaredContentLength : requestBody.length;
    }

    @Override
    public InputStream body() {
        bodyOpens++;
        byte[] connection = new byte[requestBody.length + pipelined.length];
        System.arraycopy(requestBody, 0, connection, 0, requestBody.length);
        System.arraycopy(pipelined, 0, connection, requestBody.length, pipelined.length);
        openedBody = new ByteArrayInputStream(connection);
        if (bodyFailure != null) {
            return new SequenceInputStream(openedBody, new InputStream() {

                @Override
                public int read() throws IOException {
                    throw bodyFailure;
                }
            });
        }
        return openedBody;
    }

    @Override
    public void addExtensions(Map<String, Object> environ) {
        environ.putAll(extensions);
    }

    @Override
    public void sendHeaders(int status, String reason, List<Header> headers) {
        sendHeadersCalls++;
        if (sendHeadersCalls > 1) {
            violations.add("sendHeaders called " + sendHeadersCalls + " times");
        }
        checkOpen("sendHeaders");
        this.status = status;
        this.reason = reason;
        this.sentHeaders = List.copyOf(headers);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        checkStreaming("write");
        if (failWritesAfter >= 0 && written.size() + length > failWritesAfter) {
            written.write(data, offset, (int) Math.max(0, failWritesAfter - written.size()));
            throw new IOException("Broken pipe");
        }
        written.write(data, offset, length);
    }

    @Override
    public void flush() {
        checkStreaming("flush");
        flushes++;
    }

    @Override
    public long transferFile(FileChannel file, long position, long count) throws IOException {
        transferCalls++;
        if (!transferSupported) {
            return -1;
        }
        checkStreaming("transferFile");
        transferPosition = position;
        transferCount = count;
        ByteBuffer buffer = ByteBuffer.allocate((int) count);
        // A positional read, like transferTo, so the channel's own position is left alone.
        while (buffer.hasRemaining() && file.read(buffer, position + buffer.position()) > 0) {
            // keep reading until the requested range is copied
        }
        written.write(buffer.array(), 0, buffer.position());
        return buffer.position();
    }

    @Override
    public void complete() {
        checkStreaming("complete");
        completed = true;
        String length = sentHeader("Content-Length");
        boolean bodyAllowed = !"HEAD".equals(method) && status >= 200 && status != 204 && status != 304;
        if (length != null && bodyAllowed && Long.parseLong(length) != written.size()) {
            violations.add("completed with " + written.size() + " body bytes but Content-Length " + length);
        }
    }

    @Override
    public void applicationFailed(Throwable error) {
        applicationFailure = error;
    }

    @Override
    public boolean answerFailure(Throwable error) {
        if (sendHeadersCalls > 0) {
            violations.add("answerFailure after sendHeaders");
        }
        checkOpen("answerFailure");
        if (answersFailures) {
            answeredFailure = error;
        }
        return answersFailures;
    }

    @Override
    public void abort(Throwable reason) {
        checkOpen("abort");
        aborted = true;
        abortReason = reason;
    }

    private void checkStreaming(String call) {
        if (sendHeadersCalls == 0) {
            violations.add(call + " before sendHeaders");
        }
        checkOpen(call);
        String length = sentHeader("Content-Length");
        if (length != null && written.size() > Long.parseLong(length)) {
            violations.add("sent " + written.size() + " body bytes for a Content-Length of " + length);
        }
    }

    private void checkOpen(String call) {
        if (completed || aborted || answeredFailure != null) {
            violations.add(call + " after the response " + (completed ? "completed"
                    : aborted ? "was aborted" : "was left to the server's error handling"));
        }
    }

    private String sentHeader(String name) {
        if (sentHeaders == null) {
            return null;
        }
        return sentHeaders.stream().filter(header -> header.is(name)).map(Header::value).findFirst().orElse(null);
    }

    /** Return the status code sent, or {@code -1} if headers were never sent. */
    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** Return the headers sent, or an empty list if none were. */
    public List<Header> sentHeaders() {
        return sentHeaders == null ? List.of() : sentHeaders;
    }

    /** Return the first sent value of the named header, or {@code null}. */
    public String header(String name) {
        return sentHeader(name);
    }

    public int sendHeadersCalls() {
        return sendHeadersCalls;
    }

    public byte[] bodyBytes() {
        return written.toByteArray();
    }

    public String bodyText() {
        return written.toString(StandardCharsets.ISO_8859_1);
    }

    public int flushes() {
        return flushes;
    }

    public int transferCalls() {
        return transferCalls;
    }

    public long transferPosition() {
        return transferPosition;
    }

    public long transferCount() {
        return transferCount;
    }

    public boolean completed() {
        return completed;
    }

    public boolean aborted() {
        return aborted;
    }

    public Throwable applicationFailure() {
        return applicationFailure;
    }

    /** Return the failure the engine handed to "the server's" error handling, or {@code null}. */
    public Throwable answeredFailure() {
        return answeredFailure;
    }

    public Throwable abortReason() {
        return abortReason;
    }

    /** Return how many times the engine asked for the request body stream. */
    public int bodyOpens() {
        return bodyOpens;
    }

    /** Return how many bytes are still unread on the "connection", pipelined bytes included. */
    public int unreadConnectionBytes() {
        return openedBody == null ? requestBody.length + pipelined.length : openedBody.available();
    }

    /** Return the breaches of the Exchange protocol seen so far; empty when the engine behaved. */
    public List<String> violations() {
        return List.copyOf(violations);
    }
}
