package dev.profilekit.keycloak.profile.notification;

import dev.profilekit.keycloak.profile.apitoken.jpa.ApiTokenEntity;
import dev.profilekit.keycloak.profile.apitoken.jpa.ApiTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Scheduled on every node: tells the owners of API tokens that expire within {@link #NOTICE_PERIOD} (and have not
 * expired yet), once per token and expiry, in the realms that have {@link SecurityNotice#API_TOKEN_EXPIRING} on.
 *
 * <p>Cluster-safe without locks: each token is marked with a conditional UPDATE ({@code EXPIRY_NOTICE_AT} set only
 * while still null) in a short transaction of its own, and only the node whose UPDATE changed the row sends the
 * notice — after that transaction commits. A changed expiry clears the mark ({@code ApiTokenService.update}).
 */
final class ApiTokenExpiryNotices implements ScheduledTask {

    /** How long before its expiry a token's owner is told. */
    static final Duration NOTICE_PERIOD = Duration.ofDays(7);
    static final String TASK_NAME = "profilekit-api-token-expiry-notices";

    private static final Logger LOG = Logger.getLogger(ApiTokenExpiryNotices.class);

    @Override
    public void run(KeycloakSession session) {
        Instant now = Instant.now();
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        // A realm without an SMTP server keeps its tokens unmarked, so they are told once it has one.
        List<RealmModel> realms = session.realms().getRealmsStream()
                .filter(realm -> SecurityNotifier.isOn(realm, SecurityNotice.API_TOKEN_EXPIRING))
                .filter(realm -> realm.getSmtpConfig() != null && !realm.getSmtpConfig().isEmpty())
                .toList();
        for (RealmModel realm : realms) {
            List<ApiTokenEntity> due = new ApiTokenStore(session).expiringWithoutNotice(realm.getId(), now, now.plus(NOTICE_PERIOD));
            for (ApiTokenEntity token : due) {
                try {
                    KeycloakModelUtils.runJobInTransaction(factory, tokenSession -> markAndNotify(tokenSession, realm.getId(), token, now));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Expiry notice of API token %s failed; retried at the next run", token.getId());
                }
            }
        }
    }

    private static void markAndNotify(KeycloakSession session, String realmId, ApiTokenEntity token, Instant now) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm);
        UserModel user = session.users().getUserById(realm, token.getUserId());
        if (user == null || !new ApiTokenStore(session).markExpiryNotice(token.getId(), now)) {
            return; // the owner is gone, or another node got there first
        }
        LOG.debugf("API token %s of user %s expires at %s: notifying", token.getId(), user.getId(), Instant.ofEpochMilli(token.getExpiresAt()));
        SecurityNotifier.notify(session, realm, user, SecurityNotice.API_TOKEN_EXPIRING,
                new NoticeDetails(token.getName(), null, null, Instant.ofEpochMilli(token.getExpiresAt())));
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
