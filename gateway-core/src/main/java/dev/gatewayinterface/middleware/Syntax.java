package dev.gatewayinterface.middleware;

import java.nio.charset.StandardCharsets;

/**
 * Recognise the syntax docs/SPEC.md requires (native strings, tokens, field text, decimals) and quote
 * offending values for the validator's messages.
 *
 * <p>The validator checks the engine too, so it deliberately shares no code with the engine's own rules: a
 * bug there cannot hide itself here. Each check is a hand-written loop over chars, with no regex and no
 * allocation, because the validator runs on every request it wraps.
 */
final class Syntax {

    /** The longest quotation in a message; longer values are cut, so one bad header cannot flood a log. */
    private static final int MAX_QUOTED = 120;

    /** The longest decimal accepted: 18 digits always fit in a {@code long}. */
    private static final int MAX_DIGITS = 18;

    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[Character.toUpperCase(c)] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private Syntax() {
    }

    /** Tell whether every char is at most U+00FF, so that it stands for one byte (docs/SPEC.md §2). */
    static boolean isNative(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** Tell whether text is an RFC 9110 token: one or more {@code tchar}s. */
    static boolean isToken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= TCHAR.length || !TCHAR[c]) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** Tell whether text is a native string without control characters other than tab. */
    static boolean isFieldText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < ' ' && c != '\t' || c == 0x7F;
            if (control || c > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** Tell whether text is a non-negative decimal integer that fits in a {@code long}. */
    static boolean isDecimal(String text) {
        return !text.isEmpty() && text.length() <= MAX_DIGITS && digits(text, 0, text.length());
    }

    /** Tell whether the chars from {@code from} (inclusive) to {@code to} (exclusive) are ASCII digits. */
    static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Quote a value in double quotes, escaping control characters so that a message stays on one line. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        int shown = Math.min(value.length(), MAX_QUOTED);
        StringBuilder quoted = new StringBuilder(shown + 16).append('"');
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (c == '\r') {
                quoted.append("\\r");
            }
            else if (c == '\n') {
                quoted.append("\\n");
            }
            else if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            }
            else if (c < ' ' || c == 0x7F) {
                quoted.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            }
            else {
                quoted.append(c);
            }
        }
        quoted.append('"');
        if (shown < value.length()) {
            quoted.append(" (cut; ").append(value.length()).append(" chars)");
        }
        return quoted.toString();
    }

    /** Quote bytes as the latin-1 text they stand for. */
    static String quote(byte[] bytes) {
        return bytes == null ? "null" : quote(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** Quote a value's type and text, for values whose type is what is wrong. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        return value.getClass().getName() + " " + quote(String.valueOf(value));
    }

    /**
     * Quote an object by its class and identity, not its {@code toString()}, which for a body could iterate
     * it or call back into the application.
     */
    static String identify(Object value) {
        if (value == null) {
            return "null";
        }
        return quote(value.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(value)));
    }
}
