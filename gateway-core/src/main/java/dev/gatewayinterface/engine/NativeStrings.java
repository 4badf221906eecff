package dev.gatewayinterface.engine;

import java.nio.charset.StandardCharsets;

/**
 * Convert request text to native strings: one char per byte, as PEP 3333 requires (docs/SPEC.md §2).
 */
final class NativeStrings {

    private NativeStrings() {
    }

    /**
     * Percent-decode a raw path to bytes and map each byte to one char. {@code %2F} becomes {@code /}, as
     * in wsgiref and Gunicorn; the mount split is made on the raw path before this, so it never moves.
     * A {@code %} not followed by two hex digits is kept as it is. A char above U+00FF, which a raw
     * request line cannot hold but a server may hand over, is taken as UTF-8.
     */
    static String decodePath(String raw) {
        if (raw.indexOf('%') < 0 && isLatin1(raw)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int length = raw.length();
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < length && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                out.append((char) (hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2))));
                i += 2;
            }
            else if (c > 0xFF) {
                appendUtf8(out, raw, i);
                if (Character.isHighSurrogate(c) && i + 1 < length) {
                    i++;
                }
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Return the environ key of a request header: {@code HTTP_} and the name in upper case, {@code -}
     * turned to {@code _}.
     */
    static String environKey(String headerName) {
        char[] key = new char[5 + headerName.length()];
        "HTTP_".getChars(0, 5, key, 0);
        for (int i = 0; i < headerName.length(); i++) {
            char c = headerName.charAt(i);
            if (c == '-') {
                c = '_';
            }
            else if (c >= 'a' && c <= 'z') {
                c = (char) (c - ('a' - 'A'));
            }
            key[5 + i] = c;
        }
        return new String(key);
    }

    /** Return a copy of the string with each char above U+00FF replaced by its UTF-8 bytes. */
    static String toLatin1(String text) {
        if (isLatin1(text)) {
            return text;
        }
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static boolean isLatin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static void appendUtf8(StringBuilder out, String raw, int index) {
        int end = Character.isHighSurrogate(raw.charAt(index)) && index + 1 < raw.length() ? index + 2 : index + 1;
        byte[] bytes = raw.substring(index, end).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            out.append((char) (b & 0xFF));
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
