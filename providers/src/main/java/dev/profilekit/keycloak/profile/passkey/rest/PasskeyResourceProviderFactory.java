package dev.profilekit.keycloak.profile.passkey.rest;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Registers the self-service passkey list at {@code /realms/{realm}/passkeys}. */
public final class PasskeyResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "passkeys";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new PasskeyResourceProvider(session);
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
