package dev.profilekit.keycloak.profile.recoveryemail;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.keycloak.models.RealmModel;

/**
 * A realm's recovery-email settings, stored as realm attributes (so every cluster node reads the same values):
 *
 * <table>
 *   <tr><th>Attribute</th><th>Default</th></tr>
 *   <tr><td>{@value #HOSTED_DOMAINS}</td><td>none: comma-separated mail domains hosted on this server; an address
 *       in one of them, or in a subdomain, gets a warning (a mailbox on the server you are locked out of does not
 *       help you back in)</td></tr>
 *   <tr><td>{@value #RESEND_COOLDOWN_SECONDS}</td><td>{@value #DEFAULT_RESEND_COOLDOWN_SECONDS}: least time between two
 *       confirmation mails of one user, 0 to {@value #MAX_RESEND_COOLDOWN_SECONDS}</td></tr>
 * </table>
 * An unparsable or out-of-range stored value counts as its default.
 *
 * @param hostedDomains domains in lower case, without a leading {@code @} or {@code .}
 */
public record RecoveryEmailPolicy(List<String> hostedDomains, int resendCooldownSeconds) {

    public static final String HOSTED_DOMAINS = "profilekit.recoveryEmail.hostedDomains";
    public static final String RESEND_COOLDOWN_SECONDS = "profilekit.recoveryEmail.resendCooldownSeconds";

    /** As Keycloak's own "Cooldown between email resend" of its email verification. */
    public static final int DEFAULT_RESEND_COOLDOWN_SECONDS = 30;
    public static final int MAX_RESEND_COOLDOWN_SECONDS = 3600;

    public RecoveryEmailPolicy {
        hostedDomains = List.copyOf(hostedDomains);
    }

    public static RecoveryEmailPolicy of(RealmModel realm) {
        return of(realm.getAttribute(HOSTED_DOMAINS), realm.getAttribute(RESEND_COOLDOWN_SECONDS));
    }

    static RecoveryEmailPolicy of(String hostedDomains, String resendCooldownSeconds) {
        return new RecoveryEmailPolicy(domains(hostedDomains), cooldown(resendCooldownSeconds));
    }

    /** Whether {@code address} is in one of the {@link #hostedDomains()} or a subdomain of one. */
    public boolean isHosted(RecoveryEmailAddress address) {
        String domain = address.domain();
        return hostedDomains.stream().anyMatch(hosted -> domain.equals(hosted) || domain.endsWith("." + hosted));
    }

    private static List<String> domains(String stored) {
        if (stored == null) {
            return List.of();
        }
        return Arrays.stream(stored.split(","))
                .map(domain -> domain.strip().toLowerCase(Locale.ROOT).replaceFirst("^[@.]+", ""))
                .filter(domain -> !domain.isEmpty())
                .distinct()
                .toList();
    }

    private static int cooldown(String stored) {
        try {
            int seconds = Integer.parseInt(stored == null ? "" : stored.strip());
            return seconds >= 0 && seconds <= MAX_RESEND_COOLDOWN_SECONDS ? seconds : DEFAULT_RESEND_COOLDOWN_SECONDS;
        } catch (NumberFormatException notSet) {
            return DEFAULT_RESEND_COOLDOWN_SECONDS;
        }
    }
}
