package dev.profilekit.keycloak.profile.recoveryemail;

import java.util.List;

/** An address that cannot be a recovery email; {@link #messageKey()} says why, for the theme's messages. */
public final class InvalidRecoveryEmailException extends RuntimeException {

    private final transient List<Object> parameters;

    public InvalidRecoveryEmailException(String messageKey, Object... parameters) {
        super(messageKey);
        this.parameters = List.of(parameters);
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] parameters() {
        return parameters.toArray();
    }
}
