package dev.profilekit.keycloak.profile.common.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When and from where a secret or credential (app password, API token, passkey) was last used, as stored.
 * Recording every use would cost a database write per request; {@link #needsUpdate} keeps the stored value within
 * {@link #RESOLUTION} of the truth, and records a new caller IP at once. The decision is made from the stored value
 * alone, so it is correct whichever cluster node handles the request.
 *
 * @param at {@code null} if never used
 * @param ip {@code null} if never used
 */
public record LastUse(Instant at, String ip) {

    /** How stale a stored last-use time may get before a use writes it again. */
    public static final Duration RESOLUTION = Duration.ofMinutes(1);

    public static final LastUse NEVER = new LastUse(null, null);

    /** Whether a use at {@code now} from {@code callerIp} should be written back to storage. */
    public boolean needsUpdate(Instant now, String callerIp) {
        return at == null || !Objects.equals(ip, callerIp) || !now.isBefore(at.plus(RESOLUTION));
    }
}
