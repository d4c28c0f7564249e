package dev.profilekit.keycloak.profile.apppassword;

import org.keycloak.models.AuthenticatorConfigModel;

/** Whether a client that takes app passwords still takes the user's main password. */
public enum AppPasswordMode {
    /** App password or main password. */
    ALLOWED,
    /** App passwords only: the main password is refused. */
    ONLY;

    /** Authenticator config key; {@code "true"} selects {@link #ONLY}. */
    public static final String CONFIG_APP_PASSWORDS_ONLY = "appPasswordsOnly";

    static AppPasswordMode of(AuthenticatorConfigModel config) {
        boolean only = config != null && config.getConfig() != null
                && Boolean.parseBoolean(config.getConfig().get(CONFIG_APP_PASSWORDS_ONLY));
        return only ? ONLY : ALLOWED;
    }
}
