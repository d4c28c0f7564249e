package dev.profilekit.keycloak.profile.avatar.rest;

import dev.profilekit.keycloak.profile.avatar.AvatarConfig;
import dev.profilekit.keycloak.profile.avatar.AvatarService;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** The avatar REST API at {@code /realms/{realm}/avatar}; server options in {@link AvatarConfig}. */
public final class AvatarResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = AvatarService.PATH;

    private AvatarConfig config;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new AvatarResourceProvider(session, config);
    }

    @Override
    public void init(Config.Scope scope) {
        config = AvatarConfig.of(scope);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return AvatarConfig.metadata();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
