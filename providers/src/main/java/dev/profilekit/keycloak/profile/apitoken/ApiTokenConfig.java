package dev.profilekit.keycloak.profile.apitoken;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Server options of the API token REST API ({@code realm-restapi-extension} SPI, provider {@code api-tokens}):
 * {@code --spi-realm-restapi-extension--api-tokens--max-per-user} /
 * {@code KC_SPI_REALM_RESTAPI_EXTENSION__API_TOKENS__MAX_PER_USER}.
 *
 * @param maxPerUser most tokens one user may have (expired ones included), default {@value #DEFAULT_MAX_PER_USER}
 */
public record ApiTokenConfig(int maxPerUser) {

    public static final String MAX_PER_USER = "max-per-user";
    public static final int DEFAULT_MAX_PER_USER = 50;

    public static ApiTokenConfig of(Config.Scope scope) {
        int max = scope.getInt(MAX_PER_USER, DEFAULT_MAX_PER_USER);
        if (max < 1) {
            throw new IllegalArgumentException(MAX_PER_USER + " must be at least 1, is " + max);
        }
        return new ApiTokenConfig(max);
    }

    public static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(MAX_PER_USER).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Most personal API tokens one user may have, expired ones included.")
                .defaultValue(DEFAULT_MAX_PER_USER).add()
                .build();
    }
}
