package dev.gatewayinterface.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Read IP address literals without ever asking DNS: a value from a request header must not make the server look a
 * name up, and a name would mean nothing to a trust list anyway.
 */
final class IpLiterals {

    private IpLiterals() {
    }

    /**
     * Parse an IPv4 literal ({@code 192.0.2.7}, no leading zeros) or an IPv6 literal, bracketed or not, with or
     * without a zone ({@code fe80::1%eth0}).
     * @return the address's bytes, 4 for IPv4 and IPv4-mapped IPv6, 16 for IPv6; or {@code null} if the text is no
     *     IP literal
     */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            return parseIpv4(text);
        }
        String address = text;
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (address.isEmpty() || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return null;
        }
        try {
            // Brackets make the JDK parse a literal or fail: it never falls back to a name lookup.
            return InetAddress.getByName("[" + address + "]").getAddress();
        }
        catch (UnknownHostException ex) {
            return null;
        }
    }

    /**
     * Return the text form of a literal's address, so that two spellings of one address compare equal.
     * @return the canonical form, or {@code null} if the text is no IP literal
     */
    static String canonical(String text) {
        byte[] bytes = parse(text);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        }
        catch (UnknownHostException ex) {
            throw new IllegalStateException("4 or 16 bytes are always an address", ex);
        }
    }

    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }
}
