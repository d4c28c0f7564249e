package dev.profilekit.keycloak.profile.notification;

import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.timer.TimerProvider;

/**
 * Event listener {@value #PROVIDER_ID}: a realm that lists it (<em>Realm settings → Events → Event listeners</em>)
 * sends its users security notices by email (see {@link SecurityNotice} for the kinds and their realm attributes).
 * Also schedules {@link ApiTokenExpiryNotices} on every node, every
 * {@link NotificationConfig#EXPIRY_CHECK_INTERVAL_SECONDS} seconds.
 */
public final class SecurityNotificationEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "profilekit-security-notifications";

    private static final Logger LOG = Logger.getLogger(SecurityNotificationEventListenerProviderFactory.class);

    private NotificationConfig config = NotificationConfig.DEFAULT;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new SecurityNotificationEventListenerProvider(session);
    }

    @Override
    public void init(Config.Scope scope) {
        config = NotificationConfig.of(scope);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                scheduleExpiryNotices(factory);
            }
        });
    }

    private void scheduleExpiryNotices(KeycloakSessionFactory factory) {
        long interval = config.expiryCheckInterval().toMillis();
        KeycloakModelUtils.runJobInTransaction(factory, session ->
                session.getProvider(TimerProvider.class).scheduleTask(new ApiTokenExpiryNotices(), interval, ApiTokenExpiryNotices.TASK_NAME));
        LOG.debugf("API token expiry notices: checked every %d s", config.expiryCheckInterval().toSeconds());
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return NotificationConfig.metadata();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
