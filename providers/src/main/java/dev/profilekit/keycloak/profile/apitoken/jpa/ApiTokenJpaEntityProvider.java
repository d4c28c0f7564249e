package dev.profilekit.keycloak.profile.apitoken.jpa;

import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

final class ApiTokenJpaEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/profilekit-api-token-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(ApiTokenEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return ApiTokenJpaEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
