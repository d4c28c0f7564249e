package dev.profilekit.keycloak.profile.apppassword.credential;

import dev.profilekit.keycloak.profile.apppassword.AppPasswordConfig;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Credential type {@value AppPasswordCredentialModel#TYPE}. Server option:
 * {@code --spi-credential--app-password--max-per-user} / {@code KC_SPI_CREDENTIAL__APP_PASSWORD__MAX_PER_USER}.
 */
public final class AppPasswordCredentialProviderFactory implements CredentialProviderFactory<AppPasswordCredentialProvider> {

    public static final String PROVIDER_ID = AppPasswordCredentialModel.TYPE;

    private AppPasswordConfig config = AppPasswordConfig.DEFAULT;

    @Override
    public AppPasswordCredentialProvider create(KeycloakSession session) {
        return new AppPasswordCredentialProvider(session);
    }

    @Override
    public void init(Config.Scope scope) {
        config = AppPasswordConfig.from(scope);
    }

    /** The server options, read once at start-up. */
    public AppPasswordConfig config() {
        return config;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(AppPasswordConfig.MAX_PER_USER)
                .type("int")
                .helpText("Most app passwords one user may have.")
                .defaultValue(AppPasswordConfig.DEFAULT.maxPerUser())
                .add()
                .build();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
