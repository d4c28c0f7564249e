package dev.profilekit.keycloak.profile.common.jpa;

import java.util.function.Function;
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

    /** A store of rows that belong to users: it deletes those of one user or of one realm. */
    public interface UserRows {

        void deleteByUser(String realmId, String userId);

        void deleteByRealm(String realmId);
    }

    /**
     * @param what  names the rows in debug logs, e.g. {@code "API tokens"}
     * @param store the store of those rows in a session
     */
    public static void register(KeycloakSessionFactory factory, String what, Function<KeycloakSession, UserRows> store) {
        factory.register(event -> onEvent(event, what, store));
    }

    private static void onEvent(ProviderEvent event, String what, Function<KeycloakSession, UserRows> store) {
        if (event instanceof UserModel.UserRemovedEvent removed) {
            store.apply(removed.getKeycloakSession()).deleteByUser(removed.getRealm().getId(), removed.getUser().getId());
            LOG.debugf("Deleted the %s of removed user %s", what, removed.getUser().getId());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            store.apply(removed.getKeycloakSession()).deleteByRealm(removed.getRealm().getId());
            LOG.debugf("Deleted the %s of removed realm %s", what, removed.getRealm().getId());
        }
    }
}
