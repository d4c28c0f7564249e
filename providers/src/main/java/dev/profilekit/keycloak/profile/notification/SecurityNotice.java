package dev.profilekit.keycloak.profile.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.keycloak.models.RealmModel;

/**
 * The kinds of security notice a user gets by email. Each kind has a realm attribute
 * {@code profilekit.notifications.<kind>} (for example {@code profilekit.notifications.password-changed}): any value
 * but {@code false} — or none — leaves it on. The message keys are {@code securityNotice<Kind>Subject} and
 * {@code securityNotice<Kind>Body} in the email theme.
 */
public enum SecurityNotice {

    /** An app password was created (self-service). */
    APP_PASSWORD_CREATED("app-password-created"),
    /** An app password was used from an address it had not been used from before (its first use included). */
    APP_PASSWORD_NEW_IP("app-password-new-ip"),
    /** An API token was created (self-service). */
    API_TOKEN_CREATED("api-token-created"),
    /** An API token was exchanged from an address it had not been used from before (its first use included). */
    API_TOKEN_NEW_IP("api-token-new-ip"),
    /** An API token expires within {@link ApiTokenExpiryNotices#NOTICE_PERIOD}; sent once per expiry. */
    API_TOKEN_EXPIRING("api-token-expiring"),
    /** The password was changed by the user (account console, reset-password flow) or reset by an admin. */
    PASSWORD_CHANGED("password-changed"),
    /** The user's last authenticator app, security key or passkey was removed. */
    LAST_SECOND_FACTOR_REMOVED("last-second-factor-removed"),
    /** A recovery email address was confirmed, or the recovery email removed (the recovery-email capability's events). */
    RECOVERY_EMAIL_CHANGED("recovery-email-changed");

    /** Prefix of the realm attributes that switch each kind on and off. */
    public static final String ATTRIBUTE_PREFIX = "profilekit.notifications.";

    private final String id;
    private final String messageKeyStem;

    SecurityNotice(String id) {
        this.id = id;
        this.messageKeyStem = "securityNotice" + Arrays.stream(id.split("-"))
                .map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1))
                .collect(Collectors.joining());
    }

    /** The kebab-case name, as in the realm attribute. */
    public String id() {
        return id;
    }

    /** The realm attribute that switches this kind off with {@code false}. */
    public String attribute() {
        return ATTRIBUTE_PREFIX + id;
    }

    public String subjectKey() {
        return messageKeyStem + "Subject";
    }

    public String bodyKey() {
        return messageKeyStem + "Body";
    }

    /** Whether the realm leaves this kind on: unless its attribute says {@code false} (any case, blanks ignored). */
    public boolean enabledIn(RealmModel realm) {
        return isOn(realm.getAttribute(attribute()));
    }

    static boolean isOn(String attributeValue) {
        return attributeValue == null || !attributeValue.strip().equalsIgnoreCase("false");
    }
}
