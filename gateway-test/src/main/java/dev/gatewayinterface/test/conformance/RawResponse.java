package dev.gatewayinterface.test.conformance;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Hold one response as it came over the wire: its status line, its headers with names in lower case, and its
 * body, de-chunked. An answer without a status line (an HTTP/0.9 one) has status 0.
 *
 * @param statusLine the status line, or the first line of an answer that has none
 * @param headers the header values, the last one of each name
 * @param body the body bytes
 */
public record RawResponse(String statusLine, Map<String, String> headers, byte[] body) {

    /**
     * Return the status code.
     * @return the code, or 0 when the answer had no HTTP/1.x status line
     */
    public int status() {
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            return 0;
        }
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }

    /**
     * Return a header's value.
     * @param name the header's name, in any case
     * @return the value, or {@code null}
     */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Return the body one char a byte.
     * @return the body as ISO-8859-1 text
     */
    public String text() {
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    /**
     * Read one response, framed by its Content-Length, its chunks or the connection's end.
     * @param in the connection
     * @param bodiless whether the response answers a HEAD request, and so carries no body whatever it says
     * @return the response, or {@code null} if the connection ended before one began
     * @throws IOException if the connection fails or times out
     */
    static RawResponse read(InputStream in, boolean bodiless) throws IOException {
        String statusLine = readLine(in, true);
        if (statusLine == null) {
            return null;
        }
        if (!statusLine.startsWith("HTTP/")) {
            // An HTTP/0.9 answer: no head, the body runs to the connection's end.
            byte[] rest = in.readAllBytes();
            return new RawResponse(statusLine, Map.of(), rest);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while (!(line = readLine(in, false)).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        RawResponse head = new RawResponse(statusLine, headers, new byte[0]);
        int status = head.status();
        if (bodiless || (status >= 100 && status < 200) || status == 204 || status == 304) {
            return head;
        }
        return new RawResponse(statusLine, headers, body(in, headers));
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        String coding = headers.get("transfer-encoding");
        if (coding != null && coding.toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            long size;
            while ((size = Long.parseLong(readLine(in, false).split(";")[0].trim(), 16)) > 0) {
                body.write(exactly(in, size));
                readLine(in, false);
            }
            while (!readLine(in, false).isEmpty()) {
                // trailer fields, if any
            }
            return body.toByteArray();
        }
        String length = headers.get("content-length");
        return length != null ? exactly(in, Long.parseLong(length)) : in.readAllBytes();
    }

    private static byte[] exactly(InputStream in, long length) throws IOException {
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length < length) {
            throw new EOFException("the connection closed after " + bytes.length + " of " + length + " body bytes");
        }
        return bytes;
    }

    /** Read a line without its CRLF; at the connection's end, {@code null} if allowed there, else an exception. */
    private static String readLine(InputStream in, boolean mayEnd) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                if (mayEnd && line.size() == 0) {
                    return null;
                }
                throw new EOFException("the connection closed mid-line");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
