package dev.gatewayinterface.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Speak HTTP/1.1 over a plain socket, so tests can see what a client library would hide: chunk
 * boundaries, a connection closed mid-body, an interim 100 response.
 */
public final class RawHttp implements Closeable {

    private final Socket socket;

    private final InputStream in;

    private final OutputStream out;

    public RawHttp(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    /**
     * Speak over a socket already connected, such as one that carries a uwsgi request.
     * @param socket the connection
     * @throws IOException if the socket cannot be read or written
     */
    public RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(20_000);
        // Buffered: a response is read a line at a time, and a read per byte would cost a system call each.
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** End this side of the connection, so the server reads the end of input while it may still answer. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Read a status line and headers. */
    public Head readHead() throws IOException {
        String statusLine = readLine();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        String line;
        while (!(line = readLine()).isEmpty()) {
            lines.add(line);
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        return new Head(statusLine, headers, lines);
    }

    /** Read a whole body framed by Content-Length or chunked encoding. */
    public byte[] readBody(Head head) throws IOException {
        if (head.isChunked()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] chunk;
            while ((chunk = readChunk()) != null) {
                body.write(chunk);
            }
            return body.toByteArray();
        }
        String length = head.header("content-length");
        return length == null ? in.readAllBytes() : readExactly(Integer.parseInt(length));
    }

    /** Read whatever comes until the server closes the connection. */
    public byte[] readAll() throws IOException {
        return in.readAllBytes();
    }

    /** Read a status line, headers and the whole body they frame. */
    public Response readResponse() throws IOException {
        Head head = readHead();
        return new Response(head, readBody(head));
    }

    /** Read one chunk of a chunked body; {@code null} at the terminating chunk. */
    public byte[] readChunk() throws IOException {
        int size = Integer.parseInt(readLine().split(";")[0].trim(), 16);
        if (size == 0) {
            readLine();
            return null;
        }
        byte[] data = readExactly(size);
        readLine();
        return data;
    }

    public byte[] readExactly(int length) throws IOException {
        byte[] data = in.readNBytes(length);
        if (data.length < length) {
            throw new EOFException("connection closed after " + data.length + " of " + length + " bytes");
        }
        return data;
    }

    /** Tell whether the server closed the connection, reading nothing else first. */
    public boolean serverClosed() throws IOException {
        try {
            return in.read() < 0;
        }
        catch (SocketTimeoutException ex) {
            return false;
        }
        catch (IOException ex) {
            // A reset is the other way a server drops a connection.
            return true;
        }
    }

    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("connection closed mid-line: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Carry a status line, its headers with names in lower case, and the header lines as they were sent. */
    public record Head(String statusLine, Map<String, List<String>> headers, List<String> lines) {

        public int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        public boolean isChunked() {
            return "chunked".equalsIgnoreCase(header("transfer-encoding"));
        }
    }

    /** Carry a whole response: its head and the body bytes, de-chunked. */
    public record Response(Head head, byte[] body) {

        public int status() {
            return head.status();
        }

        /** Return the body one char a byte (ISO-8859-1), so a test compares exactly the bytes that were sent. */
        public String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }
}
