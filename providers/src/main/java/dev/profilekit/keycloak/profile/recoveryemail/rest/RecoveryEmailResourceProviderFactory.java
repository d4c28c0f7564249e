package dev.profilekit.keycloak.profile.recoveryemail.rest;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Registers the self-service recovery-email REST API at {@code /realms/{realm}/recovery-email}. */
public final class RecoveryEmailResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "recovery-email";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RecoveryEmailResourceProvider(session);
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
