package dev.profilekit.keycloak.profile.common.ip;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import dev.profilekit.keycloak.profile.common.ip.InvalidIpAllowListException.Reason;

/**
 * The IP addresses a credential may be used from: comma-separated IPv4/IPv6 addresses and CIDR subnets
 * (see {@link IpRange} for the accepted forms); an empty list allows any address.
 *
 * <p>{@link #toString()} is the canonical form to store and show: the canonical entries in input order,
 * duplicates removed, joined with {@code ", "}; it is never longer than {@link #MAX_LENGTH} and parses back to
 * an equal list. Immutable and thread-safe.
 */
public final class IpAllowList {

    /** Most entries a list may have. */
    public static final int MAX_ENTRIES = 50;
    /** Most characters one entry may have, after trimming. */
    public static final int MAX_ENTRY_LENGTH = 64;
    /**
     * Most characters the whole input may have; also an upper bound for {@link #toString()}
     * (at most 50 entries of at most 43 characters plus separators), so a column of this size holds any list.
     */
    public static final int MAX_LENGTH = 2500;

    private static final String SEPARATOR = ", ";
    private static final IpAllowList ANY = new IpAllowList(List.of());

    private final List<IpRange> ranges;

    private IpAllowList(List<IpRange> ranges) {
        this.ranges = ranges;
    }

    /**
     * Parses a comma-separated list; {@code null} or blank gives the empty list, which allows any address.
     * Entries are trimmed; an empty entry (doubled or trailing comma) is an error; duplicates are dropped.
     *
     * @throws InvalidIpAllowListException for the first invalid entry, or if the list is too long
     */
    public static IpAllowList parse(String commaSeparated) {
        if (commaSeparated == null) {
            return ANY;
        }
        if (commaSeparated.length() > MAX_LENGTH) {
            throw new InvalidIpAllowListException(Reason.TOO_LONG, null, null);
        }
        if (commaSeparated.isBlank()) {
            return ANY;
        }
        String[] entries = commaSeparated.split(",", -1);
        if (entries.length > MAX_ENTRIES) {
            throw new InvalidIpAllowListException(Reason.TOO_MANY_ENTRIES, null, null);
        }
        Set<IpRange> ranges = new LinkedHashSet<>();
        for (String entry : entries) {
            ranges.add(IpRange.parse(entry));
        }
        return new IpAllowList(List.copyOf(ranges));
    }

    /**
     * Whether a caller may connect from {@code remoteAddress}, an IPv4 or IPv6 literal as Keycloak's
     * {@code ClientConnection.getRemoteAddr()} gives it (brackets, a zone id and the {@code ::ffff:} IPv4-mapped form
     * are understood). An empty list allows everything; otherwise an address that does not parse is not allowed.
     */
    public boolean allows(String remoteAddress) {
        if (ranges.isEmpty()) {
            return true;
        }
        byte[] address = IpLiterals.parseRemote(remoteAddress);
        if (address == null) {
            return false;
        }
        for (IpRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the list is empty, i.e. allows any address. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The distinct ranges, in input order; unmodifiable. */
    public List<IpRange> ranges() {
        return ranges;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAllowList list && ranges.equals(list.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    /** The canonical form, e.g. {@code 10.0.0.0/8, 2001:db8::/32, 192.168.1.10}; {@code ""} for the empty list. */
    @Override
    public String toString() {
        return ranges.stream().map(IpRange::toString).collect(Collectors.joining(SEPARATOR));
    }
}
