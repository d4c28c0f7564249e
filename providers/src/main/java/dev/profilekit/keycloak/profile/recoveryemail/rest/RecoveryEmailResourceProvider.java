package dev.profilekit.keycloak.profile.recoveryemail.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class RecoveryEmailResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    RecoveryEmailResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new RecoveryEmailResource(session);
    }

    @Override
    public void close() {
    }
}
