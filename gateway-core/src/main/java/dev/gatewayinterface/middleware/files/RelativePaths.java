package dev.gatewayinterface.middleware.files;

/**
 * Tell which relative paths {@link StaticFiles} may hand to a {@link FileSource}: those that can only name a file
 * inside it, whatever the operating system makes of them.
 */
final class RelativePaths {

    private RelativePaths() {
    }

    /**
     * Tell whether every segment names an entry of the folder above it: not empty (an absolute path, once
     * joined), not {@code .} or {@code ..}, without {@code \} (a separator on Windows), {@code :} (a drive or an
     * alternate data stream) or NUL (which ends a path in native code), and not U+FFFD (bytes that were not UTF-8,
     * which the file system could read otherwise).
     * @param relative segments joined by {@code /}
     * @return whether the path is safe to look up
     */
    static boolean safe(String relative) {
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\\') >= 0
                    || segment.indexOf(':') >= 0 || segment.indexOf('\0') >= 0 || segment.indexOf('\uFFFD') >= 0) {
                return false;
            }
        }
        return true;
    }
}
