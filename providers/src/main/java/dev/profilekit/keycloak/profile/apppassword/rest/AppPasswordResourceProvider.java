package dev.profilekit.keycloak.profile.apppassword.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class AppPasswordResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    AppPasswordResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new AppPasswordResource(session);
    }

    @Override
    public void close() {
    }
}
