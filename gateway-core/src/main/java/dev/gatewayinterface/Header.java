package dev.gatewayinterface;

import java.util.Objects;

/**
 * Carry one response header: a name and a value, both native strings (docs/SPEC.md §2).
 *
 * <p>Rules on names and values are checked by {@link StartResponse#start}, not here, so that the error is
 * raised where PEP 3333 wants it: inside the application's call to {@code start_response}.
 *
 * @param name the header name, compared case-insensitively
 * @param value the header value
 */
public record Header(String name, String value) {

    /**
     * Create a header, refusing {@code null} parts.
     * @param name the header name
     * @param value the header value
     */
    public Header {
        Objects.requireNonNull(name, "header name must not be null");
        Objects.requireNonNull(value, "header value must not be null");
    }

    /**
     * Tell whether this header has the given name, ignoring case.
     * @param otherName the name to compare with
     * @return {@code true} if the names are equal ignoring ASCII case
     */
    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }
}
