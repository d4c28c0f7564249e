package dev.profilekit.keycloak.profile.avatar.jpa;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Registers {@link AvatarEntity} and its Liquibase changelog (tracked in {@code DATABASECHANGELOG_AVATAR_JPA}),
 * and deletes a user's avatar when the user or the realm is removed.
 */
public final class AvatarJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "avatar-jpa";

    private static final Logger LOG = Logger.getLogger(AvatarJpaEntityProviderFactory.class);
    private static final JpaEntityProvider PROVIDER = new AvatarJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(AvatarJpaEntityProviderFactory::onEvent);
    }

    private static void onEvent(ProviderEvent event) {
        if (event instanceof UserModel.UserRemovedEvent removed) {
            new AvatarStore(removed.getKeycloakSession()).deleteByUser(removed.getRealm().getId(), removed.getUser().getId());
            LOG.debugf("Deleted the avatar of removed user %s", removed.getUser().getId());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            new AvatarStore(removed.getKeycloakSession()).deleteByRealm(removed.getRealm().getId());
            LOG.debugf("Deleted the avatars of removed realm %s", removed.getRealm().getId());
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
