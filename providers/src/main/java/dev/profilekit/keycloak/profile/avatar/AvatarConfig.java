package dev.profilekit.keycloak.profile.avatar;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Server options of the avatar REST API ({@code realm-restapi-extension} SPI, provider {@code avatar}):
 * {@code --spi-realm-restapi-extension--avatar--max-size} / {@code KC_SPI_REALM_RESTAPI_EXTENSION__AVATAR__MAX_SIZE}.
 *
 * @param maxSize largest upload in bytes, default {@value #DEFAULT_MAX_SIZE} (2 MB)
 */
public record AvatarConfig(long maxSize) {

    public static final String MAX_SIZE = "max-size";
    public static final long DEFAULT_MAX_SIZE = 2L * 1024 * 1024;
    /** Quarkus refuses request bodies above 10 MB (quarkus.http.limits.max-body-size) before any provider sees them. */
    public static final long MAX_MAX_SIZE = 10L * 1024 * 1024;

    public AvatarConfig {
        if (maxSize < 1 || maxSize > MAX_MAX_SIZE) {
            throw new IllegalArgumentException(MAX_SIZE + " must be 1 to " + MAX_MAX_SIZE + " bytes, is " + maxSize);
        }
    }

    public static AvatarConfig of(Config.Scope scope) {
        return new AvatarConfig(scope.getLong(MAX_SIZE, DEFAULT_MAX_SIZE));
    }

    public static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(MAX_SIZE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Largest avatar upload in bytes (PNG, JPEG or WebP), at most " + MAX_MAX_SIZE + ".")
                .defaultValue(String.valueOf(DEFAULT_MAX_SIZE)).add()
                .build();
    }
}
