package dev.profilekit.keycloak.profile.avatar.jpa;

import dev.profilekit.keycloak.profile.common.jpa.UserRowsCleanup;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link AvatarEntity} and its Liquibase changelog (tracked in {@code DATABASECHANGELOG_AVATAR_JPA}),
 * and deletes a user's avatar when the user or the realm is removed.
 */
public final class AvatarJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "avatar-jpa";

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
        UserRowsCleanup.register(factory, "avatars", new UserRowsCleanup.Rows() {
            @Override
            public void deleteByUser(KeycloakSession session, String realmId, String userId) {
                new AvatarStore(session).deleteByUser(realmId, userId);
            }

            @Override
            public void deleteByRealm(KeycloakSession session, String realmId) {
                new AvatarStore(session).deleteByRealm(realmId);
            }
        });
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
