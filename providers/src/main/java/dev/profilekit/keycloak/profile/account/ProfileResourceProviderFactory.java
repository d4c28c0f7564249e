package dev.profilekit.keycloak.profile.account;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Registers the self-service Profile REST API at {@code /realms/{realm}/profile}.
 */
public final class ProfileResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "profile";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new ProfileResourceProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
