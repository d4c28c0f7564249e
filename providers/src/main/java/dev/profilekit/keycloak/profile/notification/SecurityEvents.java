package dev.profilekit.keycloak.profile.notification;

import dev.profilekit.keycloak.profile.apitoken.ApiTokenService;
import dev.profilekit.keycloak.profile.apppassword.credential.AppPasswordCredentialModel;
import dev.profilekit.keycloak.profile.common.usage.KnownIps;
import dev.profilekit.keycloak.profile.recoveryemail.RecoveryEmailAttributes;
import dev.profilekit.keycloak.profile.twofactor.SecondFactorTypes;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Which Keycloak events are worth a security notice (pure: the listener then checks the database where a kind needs
 * it, e.g. whether a removed second factor was the last one).
 *
 * <p>User events: {@code UPDATE_CREDENTIAL} of an app password (created), of an API token with {@code action=create},
 * of the password (Keycloak also sends the deprecated {@code UPDATE_PASSWORD} for the same change: ignored, so one
 * change is one mail); {@code REMOVE_CREDENTIAL} of a second factor; {@code LOGIN} with an app password and
 * {@code OAUTH2_EXTENSION_GRANT} with an API token, each only with {@value KnownIps#EVENT_DETAIL}; {@code UPDATE_PROFILE}
 * of the recovery-email capability that confirmed or removed the recovery address ({@code updated_recoveryEmail} /
 * {@code previous_recoveryEmail}; a request still waiting for confirmation changes nothing). Admin events: a
 * password reset ({@code users/{id}/reset-password}) and the removal of a user's second-factor credential.
 */
final class SecurityEvents {

    static final String DETAIL_ACTION = "action";
    static final String ACTION_CREATE = "create";

    private static final String RECOVERY_EMAIL_UPDATED = Details.PREF_UPDATED + RecoveryEmailAttributes.VERIFIED;
    private static final String RECOVERY_EMAIL_PREVIOUS = Details.PREF_PREVIOUS + RecoveryEmailAttributes.VERIFIED;
    private static final Pattern RESET_PASSWORD = Pattern.compile("users/([^/]+)/reset-password");
    private static final Pattern CREDENTIAL = Pattern.compile("users/([^/]+)/credentials/[^/]+");

    private SecurityEvents() {
    }

    /** The notice a successful user event calls for, if any. */
    static Optional<SecurityNotice> classify(Event event) {
        if (event.getType() == null || event.getUserId() == null || event.getError() != null) {
            return Optional.empty();
        }
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        String credentialType = details.get(Details.CREDENTIAL_TYPE);
        boolean firstUseFromIp = "true".equals(details.get(KnownIps.EVENT_DETAIL));
        EventType type = event.getType();
        if (type == EventType.UPDATE_CREDENTIAL) {
            if (AppPasswordCredentialModel.TYPE.equals(credentialType)) {
                return Optional.of(SecurityNotice.APP_PASSWORD_CREATED);
            }
            if (ApiTokenService.CREDENTIAL_TYPE.equals(credentialType) && ACTION_CREATE.equals(details.get(DETAIL_ACTION))) {
                return Optional.of(SecurityNotice.API_TOKEN_CREATED);
            }
            if (PasswordCredentialModel.TYPE.equals(credentialType)) {
                return Optional.of(SecurityNotice.PASSWORD_CHANGED);
            }
        } else if (type == EventType.REMOVE_CREDENTIAL && SecondFactorTypes.ALL.contains(credentialType)) {
            return Optional.of(SecurityNotice.LAST_SECOND_FACTOR_REMOVED);
        } else if (type == EventType.LOGIN && firstUseFromIp && AppPasswordCredentialModel.TYPE.equals(credentialType)) {
            return Optional.of(SecurityNotice.APP_PASSWORD_NEW_IP);
        } else if (type == EventType.UPDATE_PROFILE && (hasValue(details, RECOVERY_EMAIL_UPDATED) || hasValue(details, RECOVERY_EMAIL_PREVIOUS))) {
            return Optional.of(SecurityNotice.RECOVERY_EMAIL_CHANGED);
        } else if (type == EventType.OAUTH2_EXTENSION_GRANT && firstUseFromIp && details.containsKey(ApiTokenService.DETAIL_TOKEN_ID)) {
            return Optional.of(SecurityNotice.API_TOKEN_NEW_IP);
        }
        return Optional.empty();
    }

    private static boolean hasValue(Map<String, String> details, String key) {
        String value = details.get(key);
        return value != null && !value.isBlank();
    }

    /** The notice an admin event calls for, with the user it is about. */
    static Optional<AdminNotice> classify(AdminEvent event) {
        if (event.getOperationType() != OperationType.ACTION || event.getResourcePath() == null || event.getError() != null) {
            return Optional.empty();
        }
        Matcher reset = RESET_PASSWORD.matcher(event.getResourcePath());
        if (reset.matches()) {
            return Optional.of(new AdminNotice(SecurityNotice.PASSWORD_CHANGED, reset.group(1)));
        }
        Matcher credential = CREDENTIAL.matcher(event.getResourcePath());
        String credentialType = event.getDetails() == null ? null : event.getDetails().get(Details.CREDENTIAL_TYPE);
        if (credential.matches() && SecondFactorTypes.ALL.contains(credentialType)) {
            return Optional.of(new AdminNotice(SecurityNotice.LAST_SECOND_FACTOR_REMOVED, credential.group(1)));
        }
        return Optional.empty();
    }

    /** A notice about user {@code userId} that an admin's action calls for. */
    record AdminNotice(SecurityNotice kind, String userId) {
    }
}
