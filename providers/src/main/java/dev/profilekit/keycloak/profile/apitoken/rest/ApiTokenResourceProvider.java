package dev.profilekit.keycloak.profile.apitoken.rest;

import dev.profilekit.keycloak.profile.apitoken.ApiTokenConfig;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class ApiTokenResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final ApiTokenConfig config;

    ApiTokenResourceProvider(KeycloakSession session, ApiTokenConfig config) {
        this.session = session;
        this.config = config;
    }

    @Override
    public Object getResource() {
        return new ApiTokenResource(session, config);
    }

    @Override
    public void close() {
    }
}
