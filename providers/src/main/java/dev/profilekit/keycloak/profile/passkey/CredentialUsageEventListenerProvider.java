package dev.profilekit.keycloak.profile.passkey;

import dev.profilekit.keycloak.profile.common.usage.UsageHistory;
import dev.profilekit.keycloak.profile.common.usage.jpa.CredentialUsageStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.keycloak.WebAuthnConstants;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Records the last use of passkeys and security keys from Keycloak's own events:
 * <ul>
 *     <li>{@code LOGIN} with the detail {@code public_key_credential_id}, which Keycloak's WebAuthn authenticators
 *     (passkey button and autofill on the username form, the passwordless step, the security-key step) put on the
 *     login event after a successful WebAuthn authentication (not after a registration, see
 *     {@link #webAuthnAuthentication}): the use is written, at most once a minute per credential or at once from a new IP
 *     ({@link dev.profilekit.keycloak.profile.common.usage.LastUse#needsUpdate}), in its own small transaction so that
 *     a failed write never fails the login;</li>
 *     <li>{@code REMOVE_CREDENTIAL} (user) and an admin's credential delete: the row of the deleted credential goes.</li>
 * </ul>
 */
final class CredentialUsageEventListenerProvider implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(CredentialUsageEventListenerProvider.class);
    /** Resource path of an admin's credential delete: {@code users/{userId}/credentials/{credentialId}}. */
    private static final Pattern ADMIN_CREDENTIAL_PATH = Pattern.compile("users/([^/]+)/credentials/([^/]+)");
    private static final int MAX_IP_LENGTH = 64;

    private final KeycloakSession session;

    CredentialUsageEventListenerProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() == EventType.LOGIN) {
            webAuthnAuthentication(event.getDetails()).ifPresent(id -> recordUse(event, id));
        } else if (event.getType() == EventType.REMOVE_CREDENTIAL) {
            detail(event.getDetails(), Details.CREDENTIAL_ID)
                    .or(() -> detail(event.getDetails(), Details.SELECTED_CREDENTIAL_ID))
                    .ifPresent(credentialId -> forgetIfRemoved(event.getRealmId(), event.getUserId(), credentialId));
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getResourcePath() == null) {
            return;
        }
        Matcher path = ADMIN_CREDENTIAL_PATH.matcher(event.getResourcePath());
        if (path.matches()) {
            forgetIfRemoved(event.getRealmId(), path.group(1), path.group(2));
        }
    }

    /**
     * The public key credential id of a WebAuthn <em>authentication</em> in this login. Keycloak's registration
     * ({@code webauthn-register[-passwordless]}, also as an application-initiated action) leaves the new credential's id
     * on the login event of the same request too, with its label; the authenticators add
     * {@code web_authn_authenticator_user_verification_checked}, which registration never sets.
     */
    static Optional<String> webAuthnAuthentication(Map<String, String> details) {
        if (detail(details, WebAuthnConstants.USER_VERIFICATION_CHECKED).isEmpty()
                || detail(details, WebAuthnConstants.PUBKEY_CRED_LABEL_ATTR).isPresent()) {
            return Optional.empty();
        }
        return detail(details, WebAuthnConstants.PUBKEY_CRED_ID_ATTR);
    }

    private void recordUse(Event event, String publicKeyCredentialId) {
        UserModel user = user(event.getRealmId(), event.getUserId()).orElse(null);
        if (user == null) {
            return;
        }
        Optional<CredentialModel> credential = WebAuthnCredentials.byPublicKeyCredentialId(user, publicKeyCredentialId);
        if (credential.isEmpty()) {
            LOG.debugf("Login event %s names no WebAuthn credential of user %s", event.getId(), user.getId());
            return;
        }
        String credentialId = credential.get().getId();
        Instant at = Instant.ofEpochMilli(event.getTime());
        String ip = truncate(event.getIpAddress());
        if (!new CredentialUsageStore(session).history(credentialId).orElse(UsageHistory.NEVER).needsUpdate(at, ip)) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(),
                    writer -> new CredentialUsageStore(writer).recordUse(event.getRealmId(), user.getId(), credentialId, at, ip, UsageHistory.NEVER));
            LOG.debugf("Recorded the use of credential %s", credentialId);
        } catch (RuntimeException lost) {
            // another node recorded the first use of this credential at the same moment, or the database is unavailable:
            // the login itself goes on
            LOG.debugf(lost, "Could not record the use of credential %s", credentialId);
        }
    }

    /** Deletes the row of a credential once the credential is gone (an event may also name one that still exists). */
    private void forgetIfRemoved(String realmId, String userId, String credentialId) {
        Optional<UserModel> user = user(realmId, userId);
        if (user.isPresent() && user.get().credentialManager().getStoredCredentialById(credentialId) != null) {
            return;
        }
        new CredentialUsageStore(session).delete(realmId, credentialId);
    }

    private Optional<UserModel> user(String realmId, String userId) {
        if (realmId == null || userId == null) {
            return Optional.empty();
        }
        RealmModel realm = session.realms().getRealm(realmId);
        return realm == null ? Optional.empty() : Optional.ofNullable(session.users().getUserById(realm, userId));
    }

    private static Optional<String> detail(Map<String, String> details, String name) {
        return Optional.ofNullable(details).map(all -> all.get(name)).filter(value -> !value.isBlank());
    }

    private static String truncate(String ip) {
        return ip == null || ip.length() <= MAX_IP_LENGTH ? ip : ip.substring(0, MAX_IP_LENGTH);
    }

    @Override
    public void close() {
    }
}
