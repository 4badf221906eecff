package dev.gatewayinterface.reactive;

import io.netty.buffer.ByteBuf;

/**
 * Follow a chunked request body through the bytes Netty's decoder took, and tell when a chunk-size line is one that
 * decoder reads leniently but Tomcat refuses (docs/SPEC.md §14.5): whitespace before or after the size, more than
 * eight hex digits, a CR that no LF follows, or an extension that is not {@code ;name[=value]} as Tomcat's
 * {@code ChunkExtension} reads one (whitespace only around {@code ;} and {@code =}, a token or a quoted string with
 * no backslash for a value). Netty's decoder skips such whitespace, stops at the first char that is not a hex digit
 * and reads the extension loosely, with no setting to be strict, in private code.
 *
 * <p>It decides no framing: the decoder has already read, and checked, every byte it is shown. It finds the next
 * chunk-size line by the size read from the line before, which is the size the decoder read, since a line it
 * accepts holds nothing but hex digits before its end or its extension.
 */
final class ChunkSizeLines {

    /** The most hex digits of a chunk size Tomcat reads. */
    private static final int MAX_DIGITS = 8;

    private enum State {
        /** No chunked body is being read, or its last chunk was read: its trailer is the decoder's alone. */
        IDLE,
        /** At the first byte of a chunk-size line. */
        LINE_START,
        /** Among the hex digits of the size. */
        SIZE,
        /** Behind a {@code ;}, before an extension's name. */
        BEFORE_NAME,
        /** In an extension's name. */
        NAME,
        /** Behind an extension's name and whitespace. */
        AFTER_NAME,
        /** Behind {@code =}, before the value. */
        BEFORE_VALUE,
        /** In a token value. */
        VALUE,
        /** In a quoted value. */
        QUOTED_VALUE,
        /** Behind a value and whitespace. */
        AFTER_VALUE,
        /** Behind the CR that ends the line. */
        CR,
        /** In the chunk's data. */
        DATA,
        /** In the CRLF behind the data, which the decoder checks. */
        DATA_END
    }

    private State state = State.IDLE;

    private long size;

    private int digits;

    private long remaining;

    /** Start following a chunked body: its first chunk-size line comes next. */
    void begin() {
        startLine();
    }

    /** Stop following: the body ended, or the decoder refused it or started over. */
    void end() {
        state = State.IDLE;
    }

    /**
     * Follow the bytes the decoder took.
     * @param bytes the decoder's buffer
     * @param from the index of the first byte it took
     * @param to the index behind the last byte it took
     * @return what is wrong with the chunk-size line among them, or {@code null} when each is as Tomcat reads one
     */
    String follow(ByteBuf bytes, int from, int to) {
        int index = from;
        while (index < to && state != State.IDLE) {
            if (state == State.DATA || state == State.DATA_END) {
                int skipped = (int) Math.min(remaining, to - index);
                index += skipped;
                remaining -= skipped;
                if (remaining == 0) {
                    if (state == State.DATA) {
                        state = State.DATA_END;
                        remaining = 2;
                    }
                    else {
                        startLine();
                    }
                }
            }
            else {
                String fault = read(bytes.getByte(index++));
                if (fault != null) {
                    state = State.IDLE;
                    return fault + " (RFC 9112 §7.1)";
                }
            }
        }
        return null;
    }

    /** Read one byte of a chunk-size line: the states and the chars of Tomcat's {@code ChunkExtension.parse}. */
    private String read(byte b) {
        boolean space = b == ' ' || b == '\t';
        State next = switch (state) {
            case LINE_START -> Character.digit(b, 16) >= 0 ? State.SIZE : null;
            case SIZE -> Character.digit(b, 16) >= 0 ? State.SIZE : b == ';' ? State.BEFORE_NAME
                    : b == '\r' ? State.CR : b == '\n' ? lineEnd() : null;
            case BEFORE_NAME -> space ? State.BEFORE_NAME : isTokenChar(b) ? State.NAME : null;
            case NAME -> isTokenChar(b) ? State.NAME : space ? State.AFTER_NAME : b == ';' ? State.BEFORE_NAME
                    : b == '=' ? State.BEFORE_VALUE : b == '\r' ? State.CR : null;
            case AFTER_NAME -> space ? State.AFTER_NAME : b == ';' ? State.BEFORE_NAME : b == '=' ? State.BEFORE_VALUE
                    : b == '\r' ? State.CR : null;
            case BEFORE_VALUE -> space ? State.BEFORE_VALUE : isTokenChar(b) ? State.VALUE
                    : b == '"' ? State.QUOTED_VALUE : null;
            case VALUE -> isTokenChar(b) ? State.VALUE : space ? State.AFTER_VALUE : b == ';' ? State.BEFORE_NAME
                    : b == '\r' ? State.CR : null;
            case QUOTED_VALUE -> b == '"' ? State.AFTER_VALUE
                    : b == '\t' || ((b & 0xff) > 31 && b != '\\' && b != 0x7f) ? State.QUOTED_VALUE : null;
            case AFTER_VALUE -> space ? State.AFTER_VALUE : b == ';' ? State.BEFORE_NAME : b == '\r' ? State.CR
                    : null;
            case CR -> b == '\n' ? lineEnd() : null;
            default -> throw new IllegalStateException(state.name());
        };
        if (next == null) {
            return fault(b);
        }
        if (next == State.SIZE) {
            if (++digits > MAX_DIGITS) {
                return "the chunk size has more than " + MAX_DIGITS + " hex digits";
            }
            size = size * 16 + Character.digit(b, 16);
        }
        state = next;
        return null;
    }

    private void startLine() {
        state = State.LINE_START;
        size = 0;
        digits = 0;
    }

    /** Return the state behind the LF that ends a chunk-size line. */
    private State lineEnd() {
        remaining = size;
        return size == 0 ? State.IDLE : State.DATA;
    }

    /** Describe what is wrong with a byte the state cannot take. */
    private String fault(byte b) {
        return switch (state) {
            case LINE_START -> "a chunk-size line starts with " + describe(b) + ", not a hex digit";
            case SIZE -> describe(b) + " follows the chunk size";
            case CR -> "a CR in a chunk-size line is followed by " + describe(b) + ", not an LF";
            case QUOTED_VALUE -> "a chunk extension's quoted value holds " + describe(b);
            case BEFORE_NAME -> "a chunk extension has no name";
            default -> "a chunk extension holds " + describe(b) + " where Tomcat reads none";
        };
    }

    private static String describe(byte b) {
        return switch (b) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\r' -> "a CR";
            case '\n' -> "an LF";
            default -> b > 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("the byte 0x%02x", b & 0xff);
        };
    }

    /** Tell whether a byte is a tchar of RFC 9110 §5.6.2. */
    private static boolean isTokenChar(byte b) {
        return b > 0x20 && b < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(b) < 0;
    }
}
