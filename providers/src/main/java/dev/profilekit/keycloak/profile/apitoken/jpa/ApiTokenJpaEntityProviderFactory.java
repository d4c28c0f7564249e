package dev.profilekit.keycloak.profile.apitoken.jpa;

import dev.profilekit.keycloak.profile.common.jpa.UserRowsCleanup;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link ApiTokenEntity} and its Liquibase changelog (tracked in {@code DATABASECHANGELOG_API_TOKEN_}),
 * and deletes a user's tokens when the user or the realm is removed.
 */
public final class ApiTokenJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "api-token-jpa";

    private static final JpaEntityProvider PROVIDER = new ApiTokenJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        UserRowsCleanup.register(factory, "API tokens", new UserRowsCleanup.Rows() {
            @Override
            public void deleteByUser(KeycloakSession session, String realmId, String userId) {
                new ApiTokenStore(session).deleteByUser(realmId, userId);
            }

            @Override
            public void deleteByRealm(KeycloakSession session, String realmId) {
                new ApiTokenStore(session).deleteByRealm(realmId);
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
