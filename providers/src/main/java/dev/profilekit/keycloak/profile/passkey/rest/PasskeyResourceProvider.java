package dev.profilekit.keycloak.profile.passkey.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class PasskeyResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    PasskeyResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new PasskeyResource(session);
    }

    @Override
    public void close() {
    }
}
