package dev.profilekit.keycloak.profile.passkey;

import dev.profilekit.keycloak.profile.common.usage.UsageHistory;
import dev.profilekit.keycloak.profile.common.usage.jpa.CredentialUsageStore;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A user's passkeys and security keys as Keycloak stores them, joined with their last use. Rows of credentials that
 * no longer exist (deleted by a path the event listener did not see, or in a realm without the listener) are
 * removed here, in the request's transaction.
 */
public final class PasskeyService {

    private static final Logger LOG = Logger.getLogger(PasskeyService.class);

    private final RealmModel realm;
    private final CredentialUsageStore usage;

    public PasskeyService(KeycloakSession session, RealmModel realm) {
        this.realm = realm;
        this.usage = new CredentialUsageStore(session);
    }

    /** The user's WebAuthn credentials, oldest first. */
    public List<Passkey> list(UserModel user) {
        List<CredentialModel> credentials = WebAuthnCredentials.of(user);
        Map<String, UsageHistory> histories = usage.historiesOf(realm.getId(), user.getId());
        // rows of credentials deleted outside Profile Kit (any type: app passwords record their uses here too)
        Set<String> orphans = new HashSet<>(histories.keySet());
        user.credentialManager().getStoredCredentialsStream().forEach(credential -> orphans.remove(credential.getId()));
        for (String orphan : orphans) {
            usage.delete(realm.getId(), orphan);
            LOG.debugf("Forgot the last use of deleted credential %s", orphan);
        }
        return credentials.stream()
                .map(credential -> new Passkey(credential.getId(), credential.getUserLabel(),
                        PasskeyType.ofCredentialType(credential.getType()).orElseThrow(),
                        credential.getCreatedDate() == null ? null : Instant.ofEpochMilli(credential.getCreatedDate()),
                        histories.getOrDefault(credential.getId(), UsageHistory.NEVER).lastUse()))
                .toList();
    }
}
