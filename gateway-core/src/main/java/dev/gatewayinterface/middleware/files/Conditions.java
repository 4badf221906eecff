package dev.gatewayinterface.middleware.files;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluate a request's conditional headers against a file's validators (RFC 9110 §13): {@code If-None-Match}
 * and {@code If-Modified-Since} for a 304, {@code If-Range} for whether a {@code Range} still applies.
 *
 * @param etag the file's entity tag, quoted
 * @param lastModified the file's modification time in whole seconds since the epoch, or {@code 0} if unknown
 */
record Conditions(String etag, long lastModified) {

    /** RFC 9110's IMF-fixdate; the JDK's RFC 1123 formatter writes a one-digit day without its zero. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US);

    /**
     * Tell whether the client's copy is current, so a 304 answers it: {@code If-None-Match} decides when present,
     * compared weakly, else {@code If-Modified-Since}. A date that cannot be read is ignored.
     */
    boolean notModified(Map<String, Object> environ) {
        String ifNoneMatch = (String) environ.get("HTTP_IF_NONE_MATCH");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String trimmed = tag.trim();
                if (trimmed.equals("*") || weak(trimmed).equals(weak(etag))) {
                    return true;
                }
            }
            return false;
        }
        Instant since = date((String) environ.get("HTTP_IF_MODIFIED_SINCE"));
        return since != null && lastModified > 0 && lastModified <= since.getEpochSecond();
    }

    /**
     * Tell whether a {@code Range} applies: without {@code If-Range}, or when it names this file's entity tag
     * exactly (a weak tag never matches) or its exact modification date.
     */
    boolean rangeApplies(Map<String, Object> environ) {
        String ifRange = (String) environ.get("HTTP_IF_RANGE");
        if (ifRange == null) {
            return true;
        }
        String trimmed = ifRange.trim();
        if (trimmed.startsWith("\"") || trimmed.startsWith("W/")) {
            return trimmed.equals(etag);
        }
        Instant date = date(trimmed);
        return date != null && lastModified > 0 && date.getEpochSecond() == lastModified;
    }

    /** Format the modification time as an HTTP date, such as {@code Sun, 06 Dec 2026 17:00:00 GMT}. */
    String lastModifiedHeader() {
        return HTTP_DATE.format(ZonedDateTime.ofInstant(Instant.ofEpochSecond(lastModified), ZoneOffset.UTC));
    }

    private static String weak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static Instant date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        }
        catch (DateTimeParseException ex) {
            // RFC 9110 §13.1.3: a date that is not a valid HTTP date is ignored.
            return null;
        }
    }
}
