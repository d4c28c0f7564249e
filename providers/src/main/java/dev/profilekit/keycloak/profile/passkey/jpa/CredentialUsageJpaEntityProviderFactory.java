package dev.profilekit.keycloak.profile.passkey.jpa;

import dev.profilekit.keycloak.profile.common.jpa.UserRowsCleanup;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link CredentialUsageEntity} and its Liquibase changelog (tracked in {@code DATABASECHANGELOG_CREDENTIAL}),
 * and deletes a user's rows when the user or the realm is removed.
 */
public final class CredentialUsageJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "credential-usage-jpa";

    private static final JpaEntityProvider PROVIDER = new CredentialUsageJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        UserRowsCleanup.register(factory, "credential last uses", new UserRowsCleanup.Rows() {
            @Override
            public void deleteByUser(KeycloakSession session, String realmId, String userId) {
                new CredentialUsageStore(session).deleteByUser(realmId, userId);
            }

            @Override
            public void deleteByRealm(KeycloakSession session, String realmId) {
                new CredentialUsageStore(session).deleteByRealm(realmId);
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
