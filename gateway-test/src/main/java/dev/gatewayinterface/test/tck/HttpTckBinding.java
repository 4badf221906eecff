package dev.gatewayinterface.test.tck;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Run the conformance suite against a real server: speak HTTP/1.1 over a plain socket to a
 * {@link TckDispatcher} mounted on it, so that chunk framing, interim responses, pipelining and cut-off
 * connections are seen as a client sees them.
 */
public final class HttpTckBinding implements TckBinding {

    private static final int TIMEOUT_MILLIS = 20_000;

    private final TckDispatcher dispatcher;

    private final int port;

    private final String mountPath;

    /**
     * Create a binding for a server on the loopback address.
     * @param dispatcher the dispatcher the server mounts at {@code mountPath}
     * @param port the server's port
     * @param mountPath the raw path the dispatcher is mounted at, starting with {@code /}
     */
    public HttpTckBinding(TckDispatcher dispatcher, int port, String mountPath) {
        this.dispatcher = dispatcher;
        this.port = port;
        this.mountPath = mountPath;
    }

    @Override
    public String mountPath() {
        return mountPath;
    }

    @Override
    public boolean overTheWire() {
        return true;
    }

    @Override
    public TckResponse send(Application application, TckRequest request) throws IOException {
        dispatcher.serve(application);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String target = mountPath() + request.target();
            out.write(head(request, target));
            if (request.expectContinue()) {
                out.flush();
                Head interim = readHead(in);
                if (interim.status() != 100) {
                    return readRest(in, interim, request.method(), null);
                }
            }
            out.write(body(request));
            if (request.pipelined()) {
                out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
            TckResponse first = readRest(in, readHead(in), request.method(), null);
            if (!request.pipelined() || !first.complete()) {
                return first;
            }
            TckResponse second = readRest(in, readHead(in), "GET", null);
            return new TckResponse(first.status(), first.headers(), first.body(), first.complete(), second);
        }
    }

    private static byte[] head(TckRequest request, String target) {
        StringBuilder head = new StringBuilder().append(request.method()).append(' ').append(target)
            .append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (Header header : request.headers()) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        if (request.chunked()) {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        else if (request.body().length > 0 || !List.of("GET", "HEAD", "DELETE", "OPTIONS").contains(request.method())) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        if (request.expectContinue()) {
            head.append("Expect: 100-continue\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] body(TckRequest request) {
        if (!request.chunked()) {
            return request.body();
        }
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        if (request.body().length > 0) {
            chunked.writeBytes((Integer.toHexString(request.body().length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            chunked.writeBytes(request.body());
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return chunked.toByteArray();
    }

    private static TckResponse readRest(InputStream in, Head head, String method, TckResponse next)
            throws IOException {
        int status = head.status();
        if (method.equals("HEAD") || status < 200 || status == 204 || status == 304) {
            return new TckResponse(status, head.headers(), new byte[0], true, next);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean complete;
        String length = head.header("Content-Length");
        if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
            complete = readChunks(in, body);
        }
        else if (length != null) {
            long expected = Long.parseLong(length);
            byte[] bytes = in.readNBytes((int) expected);
            body.writeBytes(bytes);
            complete = bytes.length == expected;
        }
        else {
            body.writeBytes(in.readAllBytes());
            complete = true;
        }
        return new TckResponse(status, head.headers(), body.toByteArray(), complete, next);
    }

    private static boolean readChunks(InputStream in, ByteArrayOutputStream body) throws IOException {
        try {
            while (true) {
                int size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!readLine(in).isEmpty()) {
                        // Trailer fields: none are expected, and none matter to the scenarios.
                    }
                    return true;
                }
                byte[] chunk = in.readNBytes(size);
                body.writeBytes(chunk);
                if (chunk.length < size) {
                    return false;
                }
                readLine(in);
            }
        }
        catch (EOFException | java.net.SocketException ex) {
            // The server closed or reset the connection mid-body: the response was cut off.
            return false;
        }
    }

    private static Head readHead(InputStream in) throws IOException {
        String statusLine = readLine(in);
        List<Header> headers = new ArrayList<>();
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            int colon = line.indexOf(':');
            headers.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].toUpperCase(Locale.ROOT).startsWith("HTTP/")) {
            throw new IOException("Not an HTTP status line: '" + statusLine + "'");
        }
        return new Head(Integer.parseInt(parts[1]), headers);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("The connection closed mid-line");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private record Head(int status, List<Header> headers) {

        String header(String name) {
            return headers.stream().filter(header -> header.is(name)).map(Header::value).findFirst().orElse(null);
        }
    }
}
