package dev.gatewayinterface.uwsgi;

import java.util.Locale;

/**
 * Name what was wrong with a connection the uwsgi listener closed without an answer (docs/SPEC.md §17.5): one
 * value per kind of bad input, so that a log line says which, and a meter's tag has a bounded value.
 */
public enum UwsgiFault {

    /** The connection closed within the packet's 4-byte header. */
    TRUNCATED_HEADER,

    /** The bytes are not a uwsgi packet: an HTTP request or a TLS handshake sent to the uwsgi port. */
    NOT_UWSGI,

    /** The header's modifier1 is not 0, a WSGI request. */
    UNSUPPORTED_MODIFIER,

    /** The header announces a vars block larger than {@code gateway.uwsgi.buffer-size}. */
    VARS_TOO_LARGE,

    /** The connection closed, or the request timeout passed, before the whole vars block arrived. */
    TRUNCATED_VARS,

    /** A var's length runs past the vars block, or a key is empty. */
    MALFORMED_VARS,

    /** A var every request needs is missing: {@code REQUEST_METHOD}, or both {@code PATH_INFO} and {@code REQUEST_URI}. */
    MISSING_VAR,

    /** {@code CONTENT_LENGTH} is not a decimal number. */
    BAD_CONTENT_LENGTH,

    /** The connection closed before the body reached its {@code CONTENT_LENGTH}. */
    TRUNCATED_BODY;

    /**
     * Return the tag value of this fault, as meters and the actuator endpoint show it.
     * @return the name in lower case with dashes, such as {@code truncated-header}
     */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
