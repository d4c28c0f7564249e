package dev.profilekit.keycloak.profile.apitoken.grant;

import dev.profilekit.keycloak.profile.apitoken.ApiTokenVerifier.Invalid;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * Keycloak's own brute-force detection applied to the API token exchange, when the realm has it on.
 *
 * <p>A wrong secret for an existing token id ({@link dev.profilekit.keycloak.profile.apitoken.ApiTokenVerifier.Failure#isGuess()})
 * is a failed login of the token's owner, reported to Keycloak's {@link BruteForceProtector} with category
 * {@code password}: it shares the owner's counter with the main password and app passwords, and its state lives in
 * Keycloak's {@code loginFailures} cache, so every node of a cluster sees it. While the owner is locked out
 * (temporarily or permanently) every exchange of their tokens is refused, the right token included.
 *
 * <p>The protector records the failure off the request thread; still, this bookkeeping makes a wrong secret answer
 * about 0.7 ms later than an unknown token id on a busy two-core machine (measured by {@code IndistinguishableRefusalsIT}),
 * which tells only that the id exists: an id is the public part of a token (shown in the account console and events).
 *
 * <p>A successful exchange does not reset the counter: otherwise a script exchanging its token every few minutes would
 * keep clearing the failures of somebody guessing the owner's password.
 */
final class OwnerLockout {

    private static final Logger LOG = Logger.getLogger(OwnerLockout.class);
    private static final Set<String> CATEGORY = Set.of(PasswordCredentialModel.TYPE);

    private final KeycloakSession session;
    private final RealmModel realm;

    OwnerLockout(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Whether the owner is locked out now; always false while the realm's brute-force detection is off. */
    boolean isLockedOut(UserModel owner) {
        return AuthenticatorUtils.getDisabledByBruteForceEventError(protector(), session, realm, owner) != null;
    }

    /** Counts {@code refused} as a failed login of its owner if it was a guess at the owner's secret. */
    void recordFailure(Invalid refused, ClientConnection connection) {
        if (!realm.isBruteForceProtected() || !refused.failure().isGuess() || refused.userId() == null) {
            return;
        }
        UserModel owner = session.users().getUserById(realm, refused.userId());
        if (owner == null) {
            return;
        }
        LOG.debugf("API token %s: wrong secret, counted as a failed login of user %s", refused.tokenId(), owner.getId());
        protector().failedLogin(realm, owner, connection, session.getContext().getUri(), CATEGORY);
    }

    private BruteForceProtector protector() {
        return session.getProvider(BruteForceProtector.class);
    }
}
