package dev.gatewayinterface.reactive;

import io.netty.buffer.ByteBuf;

/**
 * Follow a chunked request body through the bytes Netty's decoder took, and tell when a chunk-size line is one that
 * decoder reads leniently but Tomcat refuses (docs/SPEC.md §14.5): whitespace before or after the size, or a
 * {@code ;} naming no extension. Netty's decoder skips such whitespace and stops at the first char that is not a
 * hex digit, with no setting to be strict, and reads the line in private code.
 *
 * <p>It decides no framing: the decoder has already read, and checked, every byte it is shown. It finds the next
 * chunk-size line by the size read from the line before, which is the size the decoder read, since a line it
 * accepts holds nothing but hex digits before its end or its extension.
 */
final class ChunkSizeLines {

    private enum State {
        /** No chunked body is being read, or its last chunk was read: its trailer is the decoder's alone. */
        IDLE,
        /** At the first byte of a chunk-size line. */
        LINE_START,
        /** Among the hex digits of the size. */
        SIZE,
        /** Just behind the {@code ;} that starts an extension, where optional whitespace comes before a name. */
        EXTENSION_NAME,
        /** In the rest of the line, which the decoder checks. */
        LINE_END,
        /** In the chunk's data. */
        DATA,
        /** In the CRLF behind the data, which the decoder checks. */
        DATA_END
    }

    private State state = State.IDLE;

    private long size;

    private long remaining;

    /** Start following a chunked body: its first chunk-size line comes next. */
    void begin() {
        state = State.LINE_START;
    }

    /** Stop following: the body ended, or the decoder refused it. */
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
                    boolean dataRead = state == State.DATA;
                    state = dataRead ? State.DATA_END : State.LINE_START;
                    remaining = dataRead ? 2 : 0;
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

    private String read(byte b) {
        switch (state) {
            case LINE_START -> {
                if (Character.digit(b, 16) < 0) {
                    return "a chunk-size line starts with " + describe(b) + ", not a hex digit";
                }
                size = Character.digit(b, 16);
                state = State.SIZE;
            }
            case SIZE -> {
                int digit = Character.digit(b, 16);
                if (digit >= 0) {
                    // Saturate: the decoder refused a size over 2^31 before this sees it.
                    size = Math.min(size * 16 + digit, Integer.MAX_VALUE + 1L);
                }
                else if (b == ';') {
                    state = State.EXTENSION_NAME;
                }
                else if (b == '\r' || b == '\n') {
                    return lineRead(b);
                }
                else {
                    return describe(b) + " follows the chunk size";
                }
            }
            case EXTENSION_NAME -> {
                if (b != ' ' && b != '\t') {
                    if (!isTokenChar(b)) {
                        return "a chunk extension has no name";
                    }
                    state = State.LINE_END;
                }
            }
            default -> {
                // LINE_END
                if (b == '\n') {
                    return lineRead(b);
                }
            }
        }
        return null;
    }

    /** Go on behind a chunk-size line that ends at this byte, or whose CR is this byte. */
    private String lineRead(byte b) {
        if (b == '\r') {
            state = State.LINE_END;
        }
        else if (size == 0) {
            state = State.IDLE;
        }
        else {
            state = State.DATA;
            remaining = size;
        }
        return null;
    }

    private static String describe(byte b) {
        return switch (b) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\r' -> "a CR";
            case '\n' -> "an LF";
            case ';' -> "a ';'";
            default -> b > 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("the byte 0x%02x", b & 0xff);
        };
    }

    /** Tell whether a byte is a tchar of RFC 9110 §5.6.2. */
    private static boolean isTokenChar(byte b) {
        return b > 0x20 && b < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(b) < 0;
    }
}
