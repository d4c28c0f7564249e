package dev.profilekit.keycloak.profile.apitoken;

import java.time.Duration;
import org.keycloak.models.RealmModel;

/**
 * A realm's rules for personal API tokens, stored as realm attributes (so every cluster node reads the same values):
 *
 * <table>
 *   <tr><th>Attribute</th><th>Default</th></tr>
 *   <tr><td>{@value #MAX_LIFETIME_DAYS}</td><td>{@value #MAX_LIFETIME_DAYS_LIMIT} (10 years, also the upper limit)</td></tr>
 *   <tr><td>{@value #ALLOW_LIST_REQUIRED}</td><td>{@code false}</td></tr>
 *   <tr><td>{@value #READ_WRITE_ALLOWED}</td><td>{@code true}</td></tr>
 * </table>
 * An unparsable or out-of-range stored value counts as its default.
 */
public record ApiTokenPolicy(int maxLifetimeDays, boolean allowListRequired, boolean readWriteAllowed) {

    public static final String MAX_LIFETIME_DAYS = "profilekit.apiTokens.maxLifetimeDays";
    public static final String ALLOW_LIST_REQUIRED = "profilekit.apiTokens.allowListRequired";
    public static final String READ_WRITE_ALLOWED = "profilekit.apiTokens.readWriteAllowed";

    /** Ten years: the longest lifetime any policy allows. */
    public static final int MAX_LIFETIME_DAYS_LIMIT = 3650;

    public static final ApiTokenPolicy DEFAULT = new ApiTokenPolicy(MAX_LIFETIME_DAYS_LIMIT, false, true);

    /** Whether {@code days} is an acceptable maximum lifetime. */
    public static boolean isValidMaxLifetimeDays(int days) {
        return days >= 1 && days <= MAX_LIFETIME_DAYS_LIMIT;
    }

    public Duration maxLifetime() {
        return Duration.ofDays(maxLifetimeDays);
    }

    /** The policy stored in {@code realm}'s attributes. */
    public static ApiTokenPolicy of(RealmModel realm) {
        return new ApiTokenPolicy(
                lifetime(realm.getAttribute(MAX_LIFETIME_DAYS)),
                bool(realm.getAttribute(ALLOW_LIST_REQUIRED), DEFAULT.allowListRequired),
                bool(realm.getAttribute(READ_WRITE_ALLOWED), DEFAULT.readWriteAllowed));
    }

    /** Stores this policy in {@code realm}'s attributes. */
    public void store(RealmModel realm) {
        realm.setAttribute(MAX_LIFETIME_DAYS, String.valueOf(maxLifetimeDays));
        realm.setAttribute(ALLOW_LIST_REQUIRED, String.valueOf(allowListRequired));
        realm.setAttribute(READ_WRITE_ALLOWED, String.valueOf(readWriteAllowed));
    }

    private static int lifetime(String stored) {
        try {
            int days = Integer.parseInt(stored);
            return isValidMaxLifetimeDays(days) ? days : DEFAULT.maxLifetimeDays;
        } catch (NumberFormatException notSet) {
            return DEFAULT.maxLifetimeDays;
        }
    }

    private static boolean bool(String stored, boolean fallback) {
        return stored == null ? fallback : Boolean.parseBoolean(stored.trim());
    }
}
