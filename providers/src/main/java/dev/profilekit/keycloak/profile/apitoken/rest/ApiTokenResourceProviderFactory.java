package dev.profilekit.keycloak.profile.apitoken.rest;

import dev.profilekit.keycloak.profile.apitoken.ApiTokenConfig;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Self-service API token REST API at {@code /realms/{realm}/api-tokens}; server options in {@link ApiTokenConfig}. */
public final class ApiTokenResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "api-tokens";

    private ApiTokenConfig config;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new ApiTokenResourceProvider(session, config);
    }

    @Override
    public void init(Config.Scope scope) {
        config = ApiTokenConfig.of(scope);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ApiTokenConfig.metadata();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
