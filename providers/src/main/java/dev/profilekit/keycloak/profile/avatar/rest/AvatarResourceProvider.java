package dev.profilekit.keycloak.profile.avatar.rest;

import dev.profilekit.keycloak.profile.avatar.AvatarConfig;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class AvatarResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final AvatarConfig config;

    AvatarResourceProvider(KeycloakSession session, AvatarConfig config) {
        this.session = session;
        this.config = config;
    }

    @Override
    public Object getResource() {
        return new AvatarResource(session, config);
    }

    @Override
    public void close() {
    }
}
