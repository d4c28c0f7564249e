package dev.profilekit.keycloak.profile.apppassword;

import org.keycloak.Config;

/** Server options of the app-password credential provider. */
public record AppPasswordConfig(int maxPerUser) {

    /** {@code --spi-credential--app-password--max-per-user}, default 50. */
    public static final String MAX_PER_USER = "max-per-user";

    public static final AppPasswordConfig DEFAULT = new AppPasswordConfig(50);

    public AppPasswordConfig {
        if (maxPerUser < 1) {
            throw new IllegalArgumentException(MAX_PER_USER + " must be at least 1, was " + maxPerUser);
        }
    }

    public static AppPasswordConfig from(Config.Scope scope) {
        return new AppPasswordConfig(scope.getInt(MAX_PER_USER, DEFAULT.maxPerUser()));
    }
}
