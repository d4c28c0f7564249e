package dev.profilekit.keycloak.profile.avatar.jpa;

import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

final class AvatarJpaEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/profilekit-avatar-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(AvatarEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return AvatarJpaEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
