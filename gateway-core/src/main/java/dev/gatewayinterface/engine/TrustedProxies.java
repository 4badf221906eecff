package dev.gatewayinterface.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Name the proxies whose forwarded headers describe a request: addresses and CIDR blocks, IPv4 or IPv6
 * (docs/SPEC.md §16). The default, {@link #NONE}, trusts nobody, so that the environ describes the connection.
 *
 * <p>Entries are IP literals only: nothing is looked up by name, so neither building nor matching touches DNS.
 * An IPv4 address written as IPv4-mapped IPv6 ({@code ::ffff:10.0.0.1}) is matched as the IPv4 address.
 */
public final class TrustedProxies {

    /** Trust nobody: forwarded headers change nothing. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of(), List.of());

    private final List<String> entries;

    private final List<Block> blocks;

    private TrustedProxies(List<String> entries, List<Block> blocks) {
        this.entries = entries;
        this.blocks = blocks;
    }

    /**
     * Parse a list of addresses and CIDR blocks, such as {@code 10.0.0.0/8}, {@code 192.0.2.7} or {@code fd00::/8}.
     * @param entries the addresses and blocks; an empty list trusts nobody
     * @return the trusted proxies
     * @throws IllegalArgumentException naming the first entry that is neither an IP address nor a CIDR block
     */
    public static TrustedProxies of(List<String> entries) {
        Objects.requireNonNull(entries, "entries must not be null");
        List<Block> blocks = new ArrayList<>(entries.size());
        for (String entry : entries) {
            blocks.add(Block.parse(Objects.requireNonNull(entry, "an entry must not be null")));
        }
        return blocks.isEmpty() ? NONE : new TrustedProxies(List.copyOf(entries), List.copyOf(blocks));
    }

    /**
     * Tell whether a peer's address is one of the trusted proxies.
     * @param address an IP literal, as a server reports a peer; anything else (a host name, {@code unknown}) is
     *     never trusted
     * @return {@code true} if the address is in one of the blocks
     */
    public boolean trusts(String address) {
        if (blocks.isEmpty() || address == null) {
            return false;
        }
        byte[] bytes = IpLiterals.parse(address);
        if (bytes == null) {
            return false;
        }
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tell whether nobody is trusted.
     * @return {@code true} for an empty list
     */
    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /**
     * Tell whether a block covers every address of its family ({@code 0.0.0.0/0}, {@code ::/0}): then any client
     * that reaches the server can forge what the forwarded headers say.
     * @return {@code true} if some entry trusts every IPv4 or every IPv6 peer
     */
    public boolean trustsEveryAddress() {
        return blocks.stream().anyMatch(block -> block.prefixLength() == 0);
    }

    /**
     * Return the entries as given.
     * @return the addresses and blocks
     */
    public List<String> entries() {
        return entries;
    }

    @Override
    public String toString() {
        return entries.isEmpty() ? "nobody" : String.join(", ", entries);
    }

    /** One address or CIDR block: the network's bytes and how many leading bits must match. */
    private record Block(byte[] network, int prefixLength) {

        static Block parse(String entry) {
            String text = entry.strip();
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            byte[] bytes = IpLiterals.parse(address);
            if (bytes == null || address.startsWith("[")) {
                throw invalid(entry);
            }
            int bits = bytes.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String length = text.substring(slash + 1);
                if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw invalid(entry);
                }
                prefix = Integer.parseInt(length);
                if (prefix > bits) {
                    throw invalid(entry);
                }
            }
            return new Block(bytes, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }

        private static IllegalArgumentException invalid(String entry) {
            return new IllegalArgumentException("'" + entry + "' is neither an IP address nor a CIDR block "
                    + "(such as 10.0.0.0/8, 192.0.2.7 or fd00::/8)");
        }
    }
}
