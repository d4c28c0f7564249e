package dev.profilekit.keycloak.profile.account;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class ProfileResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    ProfileResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new ProfileResource(session);
    }

    @Override
    public void close() {
    }
}
