package dev.profilekit.keycloak.profile.recoveryemail;

import java.util.Locale;
import org.keycloak.utils.EmailValidationUtil;

/**
 * A syntactically valid recovery address, normalised as Keycloak normalises emails (trimmed, lower case).
 *
 * @param value the address
 */
public record RecoveryEmailAddress(String value) {

    /** The longest address SMTP carries (RFC 5321: 256 octets for the path, including the angle brackets). */
    public static final int MAX_LENGTH = 254;

    /**
     * @param raw                    what the user typed
     * @param maxLocalPartLength     the server's limit for the part before the {@code @} (Keycloak's default is 64)
     * @throws InvalidRecoveryEmailException {@code recoveryEmailInvalid} or {@code recoveryEmailTooLong}
     */
    public static RecoveryEmailAddress parse(String raw, int maxLocalPartLength) {
        String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH) {
            throw new InvalidRecoveryEmailException("recoveryEmailTooLong", MAX_LENGTH);
        }
        if (value.isEmpty() || value.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))
                || !EmailValidationUtil.isValidEmail(value, maxLocalPartLength)) {
            throw new InvalidRecoveryEmailException("recoveryEmailInvalid");
        }
        return new RecoveryEmailAddress(value);
    }

    /** The part after the last {@code @}. */
    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    /** Whether this is {@code email} (Keycloak stores emails in lower case; compared case-insensitively all the same). */
    public boolean sameAs(String email) {
        return email != null && value.equalsIgnoreCase(email.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
