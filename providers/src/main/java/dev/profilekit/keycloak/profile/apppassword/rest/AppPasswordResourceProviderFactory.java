package dev.profilekit.keycloak.profile.apppassword.rest;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Registers the self-service app-password REST API at {@code /realms/{realm}/app-passwords}. */
public final class AppPasswordResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "app-passwords";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new AppPasswordResourceProvider(session);
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
