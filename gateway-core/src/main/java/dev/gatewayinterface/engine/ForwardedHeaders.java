package dev.gatewayinterface.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Collect what proxies say about a request: RFC 7239 {@code Forwarded} elements and the de-facto
 * {@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code -Port} and {@code -Prefix} values, each list in the
 * order the header lines and their commas give (docs/SPEC.md §16). Nothing here decides whom to believe.
 */
final class ForwardedHeaders {

    /** The names of the headers proxies forward a request with, in lower case; the engine reads all but the last. */
    static final Set<String> NAMES = Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host",
            "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-ssl");

    private final List<Map<String, String>> forwarded = new ArrayList<>();

    private final List<String> forwardedFor = new ArrayList<>();

    private final List<String> protos = new ArrayList<>();

    private final List<String> hosts = new ArrayList<>();

    private final List<String> ports = new ArrayList<>();

    private final List<String> prefixes = new ArrayList<>();

    private final List<String> forwardedLines = new ArrayList<>();

    private int hostPort = -1;

    private ForwardedHeaders() {
    }

    /**
     * Collect the forwarded headers of a request; a malformed {@code Forwarded} header is only reported by
     * {@link #forwarded()}, so that an untrusted client's garbage costs nothing.
     */
    static ForwardedHeaders of(Exchange exchange) {
        ForwardedHeaders headers = new ForwardedHeaders();
        exchange.forEachHeader((name, value) -> headers.add(name.toLowerCase(Locale.ROOT), value));
        return headers;
    }

    private void add(String name, String value) {
        switch (name) {
            case "forwarded" -> forwardedLines.add(value);
            case "x-forwarded-for" -> split(value, forwardedFor);
            case "x-forwarded-proto" -> split(value, protos);
            case "x-forwarded-host" -> split(value, hosts);
            case "x-forwarded-port" -> split(value, ports);
            case "x-forwarded-prefix" -> split(value, prefixes);
            case "host" -> hostPort = portOf(value.strip());
            default -> {
                // Not a forwarded header.
            }
        }
    }

    /** Tell whether the request carries none of the forwarded headers. */
    boolean isEmpty() {
        return forwardedLines.isEmpty() && forwardedFor.isEmpty() && protos.isEmpty() && hosts.isEmpty()
                && ports.isEmpty() && prefixes.isEmpty();
    }

    /**
     * Return the {@code Forwarded} elements, first proxy first, each a map of lower-case parameter names to values.
     * @throws IllegalArgumentException if a {@code Forwarded} header breaks RFC 7239's syntax
     */
    List<Map<String, String>> forwarded() {
        if (forwarded.isEmpty()) {
            for (String line : forwardedLines) {
                parseElements(line);
            }
        }
        return forwarded;
    }

    /** Return the port the {@code Host} header names, or {@code -1} when it names none. */
    int hostPort() {
        return hostPort;
    }

    List<String> forwardedFor() {
        return forwardedFor;
    }

    List<String> protos() {
        return protos;
    }

    List<String> hosts() {
        return hosts;
    }

    List<String> ports() {
        return ports;
    }

    List<String> prefixes() {
        return prefixes;
    }

    private static int portOf(String host) {
        int colon = host.lastIndexOf(':');
        String port = colon > host.lastIndexOf(']') ? host.substring(colon + 1) : "";
        return !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Integer.parseInt(port) : -1;
    }

    private static void split(String value, List<String> into) {
        for (String item : value.split(",", -1)) {
            String stripped = item.strip();
            // RFC 9110 §5.6.1: a recipient ignores empty list elements.
            if (!stripped.isEmpty()) {
                into.add(stripped);
            }
        }
    }

    /** Parse {@code 1#forwarded-element}, where an element is {@code pair *( ";" pair )} (RFC 7239 §4). */
    private void parseElements(String line) {
        Map<String, String> element = new LinkedHashMap<>();
        int i = 0;
        int length = line.length();
        while (i <= length) {
            i = skipSpace(line, i);
            if (i >= length || line.charAt(i) == ',' || line.charAt(i) == ';') {
                // An empty pair or element: allowed by the list syntax, ignored.
                if (i < length && line.charAt(i) == ',') {
                    addElement(element);
                    element = new LinkedHashMap<>();
                }
                if (i >= length) {
                    break;
                }
                i++;
                continue;
            }
            int nameStart = i;
            while (i < length && isTchar(line.charAt(i))) {
                i++;
            }
            String name = line.substring(nameStart, i).toLowerCase(Locale.ROOT);
            if (name.isEmpty() || i >= length || line.charAt(i) != '=') {
                throw malformed(line, "a parameter is not token=value");
            }
            i++;
            StringBuilder value = new StringBuilder();
            if (i < length && line.charAt(i) == '"') {
                i = readQuoted(line, i + 1, value);
            }
            else {
                int valueStart = i;
                while (i < length && isTchar(line.charAt(i))) {
                    i++;
                }
                value.append(line, valueStart, i);
                if (value.isEmpty()) {
                    throw malformed(line, "the parameter " + name + " has no value");
                }
            }
            if (element.put(name, value.toString()) != null) {
                throw malformed(line, "an element gives " + name + " twice (RFC 7239 §4)");
            }
            i = skipSpace(line, i);
            if (i < length && line.charAt(i) != ';' && line.charAt(i) != ',') {
                throw malformed(line, "a value is followed by " + ResponseRules.quote(String.valueOf(line.charAt(i))));
            }
        }
        addElement(element);
    }

    private void addElement(Map<String, String> element) {
        if (!element.isEmpty()) {
            forwarded.add(element);
        }
    }

    private static int readQuoted(String line, int start, StringBuilder value) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length()) {
                i++;
                c = line.charAt(i);
            }
            value.append(c);
            i++;
        }
        throw malformed(line, "a quoted value is not closed");
    }

    private static int skipSpace(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isTchar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
    }

    private static IllegalArgumentException malformed(String line, String why) {
        return new IllegalArgumentException("the Forwarded header " + ResponseRules.quote(line) + " is malformed: "
                + why + " (RFC 7239 §4, SPEC §16)");
    }
}
