package dev.profilekit.keycloak.profile.common.usage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last {@value #MAX} distinct addresses a secret (app password, API token) was used from, most recent first, as
 * stored with it. A use from an address not in the list is a "first use from this IP" (the very first use counts):
 * the use is recorded with {@link #with} and the owner gets a security notice. Bounded, so an address not seen for
 * {@value #MAX} other addresses counts as new again.
 *
 * @param addresses distinct, most recently used first, at most {@value #MAX}
 */
public record KnownIps(List<String> addresses) {

    /** How many addresses are kept per secret. */
    public static final int MAX = 10;

    /**
     * Detail ({@code "true"}) of the success event of a use from an address not in the list: {@code LOGIN} with an
     * app password, {@code OAUTH2_EXTENSION_GRANT} with an API token.
     */
    public static final String EVENT_DETAIL = "new_ip";

    public static final KnownIps NONE = new KnownIps(List.of());

    private static final String SEPARATOR = ",";

    public KnownIps {
        addresses = addresses == null ? List.of() : addresses.stream().distinct().limit(MAX).toList();
    }

    /** From the stored form of {@link #toStored}; {@code null} or blank is {@link #NONE}. */
    public static KnownIps parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return NONE;
        }
        return new KnownIps(Arrays.stream(stored.split(SEPARATOR)).map(String::strip).filter(ip -> !ip.isEmpty()).toList());
    }

    /**
     * For data stored before the list existed: an empty list with a recorded last use knows that use's address, so
     * the first use after an upgrade from the usual address is not reported as new.
     */
    public KnownIps orLastUsed(String lastUsedIp) {
        return addresses.isEmpty() ? with(lastUsedIp) : this;
    }

    public boolean contains(String ip) {
        return addresses.contains(ip);
    }

    /** This list with {@code ip} moved or added to the front, the oldest address dropped beyond {@value #MAX}. */
    public KnownIps with(String ip) {
        if (ip == null || ip.isBlank()) {
            return this;
        }
        List<String> updated = new ArrayList<>(addresses.size() + 1);
        updated.add(ip);
        addresses.stream().filter(known -> !known.equals(ip)).forEach(updated::add);
        return new KnownIps(updated);
    }

    /** Comma-separated (addresses contain no comma), {@code null} when empty. */
    public String toStored() {
        return addresses.isEmpty() ? null : String.join(SEPARATOR, addresses);
    }
}
