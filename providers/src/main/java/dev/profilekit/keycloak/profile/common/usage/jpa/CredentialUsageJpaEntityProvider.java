package dev.profilekit.keycloak.profile.common.usage.jpa;

import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

final class CredentialUsageJpaEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/profilekit-credential-usage-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(CredentialUsageEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return CredentialUsageJpaEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
