package dev.profilekit.keycloak.profile.common.usage.jpa;

import dev.profilekit.keycloak.profile.common.jpa.UserRowsJpaEntityProviderFactory;

/**
 * Registers {@link CredentialUsageEntity} and its Liquibase changelog (tracked in {@code DATABASECHANGELOG_CREDENTIAL}),
 * and deletes a user's rows when the user or the realm is removed.
 */
public final class CredentialUsageJpaEntityProviderFactory extends UserRowsJpaEntityProviderFactory {

    public static final String PROVIDER_ID = "credential-usage-jpa";

    public CredentialUsageJpaEntityProviderFactory() {
        super(PROVIDER_ID, new CredentialUsageJpaEntityProvider(), "credential last uses", CredentialUsageStore::new);
    }
}
