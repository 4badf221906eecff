package dev.gatewayinterface.test;

import dev.gatewayinterface.Header;
import dev.gatewayinterface.engine.Exchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Serve one request from memory and record the response: the exchange behind {@link TestClient}.
 */
final class InMemoryExchange implements Exchange {

    private final TestRequest request;

    private final String rawScriptName;

    private final String rawPathInfo;

    private final String rawQuery;

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private int status;

    private String reason;

    private List<Header> headers;

    private boolean completed;

    private Throwable abortReason;

    private Throwable failure;

    /** Whether the client rethrows the application's failure to the test, which then needs no ERROR log of it. */
    private final boolean rethrowsFailures;

    InMemoryExchange(TestRequest request, String rawScriptName, boolean rethrowsFailures) {
        this.request = request;
        this.rawScriptName = rawScriptName;
        this.rethrowsFailures = rethrowsFailures;
        String target = request.target();
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        this.rawQuery = question < 0 ? null : target.substring(question + 1);
        if (!path.startsWith(rawScriptName)
                || (path.length() > rawScriptName.length() && path.charAt(rawScriptName.length()) != '/')) {
            throw new IllegalArgumentException(
                    "The target '" + target + "' is not below the client's mount '" + rawScriptName + "'");
        }
        this.rawPathInfo = path.substring(rawScriptName.length());
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
        return rawQuery;
    }

    @Override
    public String protocol() {
        return "HTTP/1.1";
    }

    @Override
    public String scheme() {
        return request.scheme();
    }

    @Override
    public String serverName() {
        return "localhost";
    }

    @Override
    public int serverPort() {
        return "https".equals(request.scheme()) ? 443 : 80;
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
        consumer.accept("Host", "localhost");
        for (Header header : request.headers()) {
            consumer.accept(header.name(), header.value());
        }
    }

    @Override
    public long contentLength() {
        if (request.chunked()) {
            return -1;
        }
        // Clients send no Content-Length for a bodiless GET, and servers then report none.
        boolean bodiless = request.body().length == 0 && List.of("GET", "HEAD", "DELETE", "OPTIONS").contains(request.method());
        return bodiless ? -1 : request.body().length;
    }

    @Override
    public InputStream body() {
        byte[] bytes = request.body();
        byte[] following = request.following();
        // What follows the body stands for a pipelined request on the same connection: not the app's to read.
        byte[] stream = new byte[bytes.length + following.length];
        System.arraycopy(bytes, 0, stream, 0, bytes.length);
        System.arraycopy(following, 0, stream, bytes.length, following.length);
        return new ByteArrayInputStream(request.chunked() ? bytes : stream);
    }

    @Override
    public void addExtensions(Map<String, Object> environ) {
        environ.putAll(request.environ());
    }

    @Override
    public void sendHeaders(int status, String reason, List<Header> headers) {
        this.status = status;
        this.reason = reason;
        this.headers = List.copyOf(headers);
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        body.write(data, offset, length);
    }

    @Override
    public void flush() {
    }

    @Override
    public void applicationFailed(Throwable error) {
        failure = error;
    }

    @Override
    public boolean reportsFailures() {
        return rethrowsFailures;
    }

    @Override
    public void complete() {
        completed = true;
    }

    @Override
    public void abort(Throwable reason) {
        abortReason = reason;
    }

    TestResponse response() {
        return new TestResponse(status, status + " " + reason, headers == null ? List.of() : headers,
                body.toByteArray(), completed && abortReason == null, failure);
    }

    Throwable failure() {
        return failure;
    }
}
