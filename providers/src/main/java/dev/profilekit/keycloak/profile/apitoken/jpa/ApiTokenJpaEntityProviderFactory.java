package dev.profilekit.keycloak.profile.apitoken.jpa;

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
 * Registers {@link ApiTokenEntity} and its Liquibase changelog (tracked in {@code DATABASECHANGELOG_API_TOKEN_}),
 * and deletes a user's tokens when the user or the realm is removed.
 */
public final class ApiTokenJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "api-token-jpa";

    private static final Logger LOG = Logger.getLogger(ApiTokenJpaEntityProviderFactory.class);
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
        factory.register(ApiTokenJpaEntityProviderFactory::onEvent);
    }

    private static void onEvent(ProviderEvent event) {
        if (event instanceof UserModel.UserRemovedEvent removed) {
            new ApiTokenStore(removed.getKeycloakSession()).deleteByUser(removed.getRealm().getId(), removed.getUser().getId());
            LOG.debugf("Deleted the API tokens of removed user %s", removed.getUser().getId());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            new ApiTokenStore(removed.getKeycloakSession()).deleteByRealm(removed.getRealm().getId());
            LOG.debugf("Deleted the API tokens of removed realm %s", removed.getRealm().getId());
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
