package dev.profilekit.keycloak.profile.common.usage;

import java.time.Instant;

/**
 * What is recorded about the uses of one credential: the last use and the addresses it was last used from.
 *
 * @param lastUse  {@link LastUse#NEVER} if never used
 * @param knownIps {@link KnownIps#NONE} if never used
 */
public record UsageHistory(LastUse lastUse, KnownIps knownIps) {

    public static final UsageHistory NEVER = new UsageHistory(LastUse.NEVER, KnownIps.NONE);

    public UsageHistory {
        lastUse = lastUse == null ? LastUse.NEVER : lastUse;
        // data recorded before the address list existed still knows the last use's address
        knownIps = (knownIps == null ? KnownIps.NONE : knownIps).orLastUsed(lastUse.ip());
    }

    /** Whether a use from {@code ip} is the first one from that address (the very first use counts). */
    public boolean isNewIp(String ip) {
        return ip != null && !knownIps.contains(ip);
    }

    /** Whether a use at {@code at} from {@code ip} must be written: a new address always, else {@link LastUse#needsUpdate}. */
    public boolean needsUpdate(Instant at, String ip) {
        return isNewIp(ip) || lastUse.needsUpdate(at, ip);
    }
}
