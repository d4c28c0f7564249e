package dev.profilekit.keycloak.profile.notification;

import java.time.Duration;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Server options of the security notifications ({@code events-listener} SPI, provider
 * {@value SecurityNotificationEventListenerProviderFactory#PROVIDER_ID}):
 * {@code --spi-events-listener--profilekit-security-notifications--expiry-check-interval-seconds} /
 * {@code KC_SPI_EVENTS_LISTENER__PROFILEKIT_SECURITY_NOTIFICATIONS__EXPIRY_CHECK_INTERVAL_SECONDS}.
 *
 * @param expiryCheckInterval how often each node looks for API tokens that expire soon, default one hour
 */
public record NotificationConfig(Duration expiryCheckInterval) {

    public static final String EXPIRY_CHECK_INTERVAL_SECONDS = "expiry-check-interval-seconds";
    public static final int DEFAULT_EXPIRY_CHECK_INTERVAL_SECONDS = 3600;

    public static final NotificationConfig DEFAULT = new NotificationConfig(Duration.ofSeconds(DEFAULT_EXPIRY_CHECK_INTERVAL_SECONDS));

    public NotificationConfig {
        if (expiryCheckInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(EXPIRY_CHECK_INTERVAL_SECONDS + " must be at least 1, is " + expiryCheckInterval.toSeconds());
        }
    }

    public static NotificationConfig of(Config.Scope scope) {
        return new NotificationConfig(Duration.ofSeconds(scope.getInt(EXPIRY_CHECK_INTERVAL_SECONDS, DEFAULT_EXPIRY_CHECK_INTERVAL_SECONDS)));
    }

    public static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(EXPIRY_CHECK_INTERVAL_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How often, in seconds, each node looks for API tokens that expire within 7 days and tells their owners once.")
                .defaultValue(DEFAULT_EXPIRY_CHECK_INTERVAL_SECONDS).add()
                .build();
    }
}
