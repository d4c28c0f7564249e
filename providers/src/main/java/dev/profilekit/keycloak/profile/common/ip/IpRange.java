package dev.profilekit.keycloak.profile.common.ip;

import java.util.Arrays;
import java.util.Objects;
import dev.profilekit.keycloak.profile.common.ip.InvalidIpAllowListException.Reason;

/**
 * One entry of an {@link IpAllowList}: an IPv4 or IPv6 network address and a prefix length.
 *
 * <p>Accepted forms: a single address ({@code 10.0.0.1}, {@code ::1}) or a CIDR subnet ({@code 10.0.0.0/8},
 * {@code 2001:db8::/32}); IPv6 compressed or not, with an optional dotted IPv4 tail ({@code 64:ff9b::1.2.3.4}).
 * Parsing is purely textual and never does a DNS lookup; host names are rejected. Normalisation:
 * <ul>
 *   <li>host bits under the mask are cleared: {@code 10.0.0.1/8} is accepted as {@code 10.0.0.0/8};</li>
 *   <li>IPv4-mapped IPv6 with a prefix of at least 96 becomes IPv4: {@code ::ffff:10.0.0.0/104} is {@code 10.0.0.0/8}.
 *       IPv4 and IPv6 are separate families otherwise, so {@code ::/0} matches every IPv6 caller but no IPv4 caller;</li>
 *   <li>{@link #toString()} is canonical: dotted decimal or RFC 5952 text, and {@code /prefix} only when the range is
 *       more than one address.</li>
 * </ul>
 * Rejected: zone ids ({@code fe80::1%eth0}), leading zeros in IPv4 octets ({@code 01.2.3.4}, ambiguous octal) and in
 * prefixes ({@code /08}), prefixes out of range ({@code /33} for IPv4, {@code /129} for IPv6), and anything longer than
 * {@link IpAllowList#MAX_ENTRY_LENGTH}. Leading and trailing white space is ignored.
 *
 * <p>Not a record: the address is a byte array, compared by content here.
 */
public final class IpRange {

    private final byte[] network;
    private final int prefixLength;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses one address or CIDR subnet.
     *
     * @throws InvalidIpAllowListException if {@code text} is not one, with the reason's message key
     */
    public static IpRange parse(String text) {
        String entry = Objects.requireNonNull(text, "text").strip();
        if (entry.isEmpty()) {
            throw new InvalidIpAllowListException(Reason.EMPTY_ENTRY, entry, null);
        }
        if (entry.length() > IpAllowList.MAX_ENTRY_LENGTH) {
            throw new InvalidIpAllowListException(Reason.ENTRY_TOO_LONG, entry, null);
        }
        int slash = entry.indexOf('/');
        int addressEnd = slash < 0 ? entry.length() : slash;
        int zone = entry.indexOf('%');
        if (zone >= 0 && zone < addressEnd) {
            byte[] beforeZone = IpLiterals.parse(entry, 0, zone);
            if (beforeZone != null && beforeZone.length == 16) {
                throw new InvalidIpAllowListException(Reason.ZONE_ID_NOT_SUPPORTED, entry,
                        "zone IDs such as \"%eth0\" are not supported");
            }
            throw new InvalidIpAllowListException(Reason.INVALID_ENTRY, entry, null);
        }
        byte[] address = IpLiterals.parse(entry, 0, addressEnd);
        if (address == null || (slash >= 0 && entry.indexOf('/', slash + 1) >= 0)) {
            throw new InvalidIpAllowListException(Reason.INVALID_ENTRY, entry, null);
        }
        int maxPrefix = address.length * 8;
        int prefix = slash < 0 ? maxPrefix : parsePrefix(entry, slash + 1, maxPrefix);
        if (IpLiterals.isIpv4Mapped(address) && prefix >= 96) {
            address = IpLiterals.toIpv4(address);
            prefix -= 96;
        }
        clearHostBits(address, prefix);
        return new IpRange(address, prefix);
    }

    /** Whether this is an IPv6 range (IPv4-mapped input with a prefix of at least 96 counts as IPv4). */
    public boolean isIpv6() {
        return network.length == 16;
    }

    /** The canonical text of the network address, i.e. the first address of the range, without prefix. */
    public String networkAddress() {
        return IpLiterals.format(network);
    }

    /** The prefix length: 0-32 for IPv4, 0-128 for IPv6. */
    public int prefixLength() {
        return prefixLength;
    }

    // address: 4 or 16 bytes, IPv4-mapped already reduced to 4
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength >>> 3;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int restBits = prefixLength & 7;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - restBits)) & 0xff;
        return (address[fullBytes] & mask) == (network[fullBytes] & 0xff);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange range && prefixLength == range.prefixLength && Arrays.equals(network, range.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    /** The canonical form, e.g. {@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 10.0.0.1}, {@code ::1}. */
    @Override
    public String toString() {
        String address = IpLiterals.format(network);
        return prefixLength == network.length * 8 ? address : address + "/" + prefixLength;
    }

    private static int parsePrefix(String entry, int from, int maxPrefix) {
        int value = entry.length() > from ? 0 : Integer.MAX_VALUE;
        for (int i = from; i < entry.length() && value <= maxPrefix; i++) {
            char c = entry.charAt(i);
            value = c >= '0' && c <= '9' ? value * 10 + (c - '0') : Integer.MAX_VALUE;
        }
        if (value > maxPrefix) {
            throw new InvalidIpAllowListException(Reason.INVALID_PREFIX, entry,
                    "prefix must be 0-" + maxPrefix + (maxPrefix == 32 ? " for IPv4" : " for IPv6"));
        }
        if (entry.charAt(from) == '0' && entry.length() > from + 1) {
            throw new InvalidIpAllowListException(Reason.INVALID_PREFIX, entry, "prefix must not have leading zeros");
        }
        return value;
    }

    private static void clearHostBits(byte[] address, int prefix) {
        for (int i = 0; i < address.length; i++) {
            int bitsKept = Math.max(0, Math.min(8, prefix - 8 * i));
            address[i] &= (byte) (0xff << (8 - bitsKept));
        }
    }
}
