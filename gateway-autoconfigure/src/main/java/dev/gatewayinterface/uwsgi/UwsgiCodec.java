package dev.gatewayinterface.uwsgi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decode a uwsgi packet (docs/SPEC.md §17.1): a 4-byte header — modifier1, the vars block's size as a little-endian
 * 16-bit number, modifier2 — then the vars block, pairs of a 16-bit little-endian key length, the key, a 16-bit
 * value length and the value. Every rule uWSGI's own parser applies is applied here, and each refusal names the
 * fault and quotes what was received.
 */
final class UwsgiCodec {

    /** The size of the packet header. */
    static final int HEADER_SIZE = 4;

    /** The most bytes a vars block can announce: its size is a 16-bit number. */
    static final int MAX_VARS_SIZE = 0xFFFF;

    private UwsgiCodec() {
    }

    /**
     * Check a packet header and return the size of the vars block that follows it.
     * @param header the first {@value #HEADER_SIZE} bytes of the connection
     * @param bufferSize the largest vars block accepted ({@code gateway.uwsgi.buffer-size})
     * @return the size of the vars block
     * @throws UwsgiProtocolException if the bytes are no WSGI request, or announce too large a block
     */
    static int varsSize(byte[] header, int bufferSize) throws UwsgiProtocolException {
        int modifier1 = header[0] & 0xFF;
        int size = (header[1] & 0xFF) | (header[2] & 0xFF) << 8;
        if (modifier1 != 0) {
            if (looksLikeText(header)) {
                throw new UwsgiProtocolException(UwsgiFault.NOT_UWSGI, "the connection starts with " + quote(header)
                        + ", which is no uwsgi packet but HTTP: a client speaks HTTP to the uwsgi port");
            }
            if (modifier1 == 0x16 && (header[1] & 0xFF) == 0x03) {
                throw new UwsgiProtocolException(UwsgiFault.NOT_UWSGI, "the connection starts with a TLS handshake "
                        + quote(header) + ", which is no uwsgi packet: the uwsgi port speaks plain uwsgi");
            }
            throw new UwsgiProtocolException(UwsgiFault.UNSUPPORTED_MODIFIER, "the packet's modifier1 is " + modifier1
                    + " (header " + quote(header) + "); only modifier1 0, a WSGI request, is served");
        }
        if (size > bufferSize) {
            throw new UwsgiProtocolException(UwsgiFault.VARS_TOO_LARGE, "the packet announces a vars block of " + size
                    + " bytes, above gateway.uwsgi.buffer-size (" + bufferSize + " bytes)");
        }
        return size;
    }

    /**
     * Decode a vars block.
     * @param block the whole block, as long as the header announced
     * @return the vars, in order
     * @throws UwsgiProtocolException if a length runs past the block or a key is empty
     */
    static UwsgiVars vars(byte[] block) throws UwsgiProtocolException {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        int position = 0;
        while (position < block.length) {
            int keyLength = length(block, position, "key");
            position += 2;
            if (keyLength == 0) {
                throw malformed("the var at offset " + (position - 2) + " has an empty key, which uwsgi forbids");
            }
            String key = text(block, position, keyLength, "key");
            position += keyLength;
            int valueLength = length(block, position, "value of " + key);
            position += 2;
            values.add(text(block, position, valueLength, "value of " + key));
            names.add(key);
            position += valueLength;
        }
        return new UwsgiVars(names, values);
    }

    private static int length(byte[] block, int position, String what) throws UwsgiProtocolException {
        if (position + 2 > block.length) {
            throw malformed("the length of the " + what + " at offset " + position + " runs past the vars block of "
                    + block.length + " bytes");
        }
        return (block[position] & 0xFF) | (block[position + 1] & 0xFF) << 8;
    }

    private static String text(byte[] block, int position, int length, String what) throws UwsgiProtocolException {
        if (position + length > block.length) {
            throw malformed("the " + what + " at offset " + position + " is " + length + " bytes long and runs past "
                    + "the vars block of " + block.length + " bytes");
        }
        return new String(block, position, length, StandardCharsets.ISO_8859_1);
    }

    private static UwsgiProtocolException malformed(String message) {
        return new UwsgiProtocolException(UwsgiFault.MALFORMED_VARS, message);
    }

    /** Tell whether the header is printable ASCII, as the start of a request line ({@code "GET "}, {@code "POST"}). */
    private static boolean looksLikeText(byte[] header) {
        for (byte b : header) {
            if (b < 0x20 || b > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** Quote bytes as a native string with control and high bytes escaped, so that a log line stays one line. */
    static String quote(byte[] bytes) {
        StringBuilder quoted = new StringBuilder(bytes.length * 2 + 2).append('"');
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                quoted.append((char) c);
            }
            else {
                quoted.append(String.format("\\x%02x", c));
            }
        }
        return quoted.append('"').toString();
    }
}
