package dev.profilekit.keycloak.profile.passkey;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Event listener {@value #PROVIDER_ID}: records when passkeys and security keys are used. A realm admin turns it on in
 * <em>Realm settings → Events → Event listeners</em> (realm JSON: {@code eventsListeners}); saving events is not needed.
 */
public final class CredentialUsageEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "profilekit-credential-usage";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new CredentialUsageEventListenerProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
