package dev.profilekit.keycloak.profile.common.jpa;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Deletes a capability's own rows of a user when Keycloak removes the user, and of a realm when it removes the realm,
 * in the removal's transaction. Register once from the capability's {@code JpaEntityProviderFactory#postInit}.
 */
public final class UserRowsCleanup {

    private static final Logger LOG = Logger.getLogger(UserRowsCleanup.class);

    private UserRowsCleanup() {
    }

    /** Deletes the rows of one user or of one realm. */
    public interface Rows {

        void deleteByUser(KeycloakSession session, String realmId, String userId);

        void deleteByRealm(KeycloakSession session, String realmId);
    }

    /**
     * @param what names the rows in debug logs, e.g. {@code "API tokens"}
     */
    public static void register(KeycloakSessionFactory factory, String what, Rows rows) {
        factory.register(event -> onEvent(event, what, rows));
    }

    private static void onEvent(ProviderEvent event, String what, Rows rows) {
        if (event instanceof UserModel.UserRemovedEvent removed) {
            rows.deleteByUser(removed.getKeycloakSession(), removed.getRealm().getId(), removed.getUser().getId());
            LOG.debugf("Deleted the %s of removed user %s", what, removed.getUser().getId());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            rows.deleteByRealm(removed.getKeycloakSession(), removed.getRealm().getId());
            LOG.debugf("Deleted the %s of removed realm %s", what, removed.getRealm().getId());
        }
    }
}
