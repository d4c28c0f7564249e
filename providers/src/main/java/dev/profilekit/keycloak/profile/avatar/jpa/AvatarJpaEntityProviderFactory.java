package dev.profilekit.keycloak.profile.avatar.jpa;

import dev.profilekit.keycloak.profile.common.jpa.UserRowsJpaEntityProviderFactory;

/**
 * Registers {@link AvatarEntity} and its Liquibase changelog (tracked in {@code DATABASECHANGELOG_AVATAR_JPA}),
 * and deletes a user's avatar when the user or the realm is removed.
 */
public final class AvatarJpaEntityProviderFactory extends UserRowsJpaEntityProviderFactory {

    public static final String PROVIDER_ID = "avatar-jpa";

    public AvatarJpaEntityProviderFactory() {
        super(PROVIDER_ID, new AvatarJpaEntityProvider(), "avatars", AvatarStore::new);
    }
}
