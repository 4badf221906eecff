package dev.gatewayinterface.middleware.files;

/**
 * Read a {@code Range} header of one byte range (RFC 9110 §14.2): {@code bytes=first-last}, {@code bytes=first-}
 * or {@code bytes=-suffixLength}. Several ranges, another unit, or a malformed value are ignored, as RFC 9110
 * allows, and the whole file is sent.
 *
 * @param first the first byte sent
 * @param last the last byte sent, inclusive
 */
record ByteRange(long first, long last) {

    /** A range no byte of the file satisfies: answer 416. */
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    /**
     * Return the range the header asks for within a file of the given size.
     * @return the range, {@link #UNSATISFIABLE}, or {@code null} to send the whole file
     */
    static ByteRange parse(String header, long size) {
        if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6) || header.indexOf(',') >= 0) {
            return null;
        }
        String spec = header.substring(6).trim();
        if (!spec.matches("[0-9]*-[0-9]*") || spec.equals("-")) {
            return null;
        }
        int dash = spec.indexOf('-');
        try {
            String start = spec.substring(0, dash);
            String end = spec.substring(dash + 1);
            if (start.isEmpty()) {
                long suffix = Long.parseLong(end);
                return suffix == 0 || size == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(start);
            long last = end.isEmpty() ? size - 1 : Math.min(Long.parseLong(end), size - 1);
            if (!end.isEmpty() && Long.parseLong(end) < first) {
                return null;
            }
            return first >= size ? UNSATISFIABLE : new ByteRange(first, last);
        }
        catch (NumberFormatException ex) {
            // Digits beyond a long: no file is that large, and RFC 9110 lets the server ignore what it cannot read.
            return null;
        }
    }

    long length() {
        return last - first + 1;
    }
}
