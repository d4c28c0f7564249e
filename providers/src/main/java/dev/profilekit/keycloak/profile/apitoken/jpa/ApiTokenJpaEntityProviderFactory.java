package dev.profilekit.keycloak.profile.apitoken.jpa;

import dev.profilekit.keycloak.profile.common.jpa.UserRowsJpaEntityProviderFactory;

/**
 * Registers {@link ApiTokenEntity} and its Liquibase changelog (tracked in {@code DATABASECHANGELOG_API_TOKEN_}),
 * and deletes a user's tokens when the user or the realm is removed.
 */
public final class ApiTokenJpaEntityProviderFactory extends UserRowsJpaEntityProviderFactory {

    public static final String PROVIDER_ID = "api-token-jpa";

    public ApiTokenJpaEntityProviderFactory() {
        super(PROVIDER_ID, new ApiTokenJpaEntityProvider(), "API tokens", ApiTokenStore::new);
    }
}
