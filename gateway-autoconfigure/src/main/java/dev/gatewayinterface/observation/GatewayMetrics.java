package dev.gatewayinterface.observation;

import java.util.List;

/**
 * List every meter the gateway records, with its type, tags and meaning: the one source of
 * docs/METRICS.md, which a test checks against this enum.
 */
public enum GatewayMetrics {

    /** Requests to mounted applications, timed from the call of the application to the end of the request. */
    REQUESTS("gateway.requests", "timer", List.of(Tags.APP, Tags.METHOD, Tags.STATUS, Tags.OUTCOME, Tags.EXCEPTION,
            Tags.ERROR),
            "Requests served by mounted applications, from the call to the end of the body."),

    /** Requests in progress. */
    ACTIVE_REQUESTS("gateway.requests.active", "long task timer", List.of(Tags.APP, Tags.METHOD),
            "Requests in progress, and how long they have been running."),

    /** Request body bytes the application read. */
    REQUEST_SIZE("gateway.request.size", "distribution summary (bytes)", List.of(Tags.APP),
            "Request body bytes read by the application."),

    /** Response body bytes sent. */
    RESPONSE_SIZE("gateway.response.size", "distribution summary (bytes)", List.of(Tags.APP),
            "Response body bytes sent to the client."),

    /** Time to first byte. */
    FIRST_BYTE("gateway.response.first.byte", "timer", List.of(Tags.APP),
            "Time from calling the application to sending the status and headers."),

    /** Requests whose client went away. */
    CLIENT_ABORTS("gateway.client.aborts", "counter", List.of(Tags.APP),
            "Requests whose client went away before the response was complete."),

    /** Contract violations found by the validator. */
    CONTRACT_VIOLATIONS("gateway.contract.violations", "counter", List.of(Tags.APP, Tags.RULE),
            "Breaches of the contract found by the validator (gateway.validate=true), by rule id."),

    /** Connections open on the uwsgi listener. */
    UWSGI_CONNECTIONS("gateway.uwsgi.connections", "gauge", List.of(),
            "Connections open on the uwsgi listener (gateway.uwsgi.enabled=true)."),

    /** uwsgi requests the listener answered itself. */
    UWSGI_REFUSED("gateway.uwsgi.refused", "counter", List.of(Tags.REASON),
            "uwsgi requests the listener answered itself, without an application, by reason."),

    /** uwsgi connections closed for bad input. */
    UWSGI_FAULTS("gateway.uwsgi.faults", "counter", List.of(Tags.FAULT),
            "uwsgi connections closed without an answer for bad input, by fault.");

    private final String name;

    private final String type;

    private final List<String> tags;

    private final String description;

    GatewayMetrics(String name, String type, List<String> tags, String description) {
        this.name = name;
        this.type = type;
        this.tags = tags;
        this.description = description;
    }

    /**
     * Return the meter's name, as Micrometer spells it (Prometheus turns dots into underscores).
     * @return the name
     */
    public String getName() {
        return name;
    }

    /**
     * Return the meter's type.
     * @return the type, such as {@code "timer"}
     */
    public String getType() {
        return type;
    }

    /**
     * Return the meter's tag keys, each with bounded values.
     * @return the tag keys
     */
    public List<String> getTags() {
        return tags;
    }

    /**
     * Return what the meter measures.
     * @return the description
     */
    public String getDescription() {
        return description;
    }

    /**
     * Name the tag keys, whose values are all bounded.
     */
    public static final class Tags {

        /** The mounted application's name (its bean name). */
        public static final String APP = "app";

        /** The request method, or {@code OTHER} outside HTTP's own methods. */
        public static final String METHOD = "method";

        /** The status code sent, or {@code UNKNOWN} when none was. */
        public static final String STATUS = "status";

        /** The status class, or {@code CLIENT_ABORTED} or {@code UNKNOWN}. */
        public static final String OUTCOME = "outcome";

        /** The simple class name of the application's exception, or {@code none}. */
        public static final String EXCEPTION = "exception";

        /**
         * The same value as {@link #EXCEPTION}, which Micrometer's meter handler adds to every timer of an
         * observation: {@code none}, or the simple class name of the error.
         */
        public static final String ERROR = "error";

        /** The id of the broken contract rule, such as {@code header-name}. */
        public static final String RULE = "rule";

        /** Why the uwsgi listener answered a request itself: {@code saturated}, {@code body-too-large}, {@code no-mount}. */
        public static final String REASON = "reason";

        /** The kind of bad input on a uwsgi connection, such as {@code truncated-header} ({@code UwsgiFault}). */
        public static final String FAULT = "fault";

        private Tags() {
        }
    }
}
