package dev.profilekit.keycloak.profile.recoveryemail;

import dev.profilekit.keycloak.profile.common.userprofile.ServerManagedAttribute;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.UserModel;

/**
 * Where a user's recovery email lives: two user attributes, written by {@link RecoveryEmailService}. Users never write
 * them through the user profile ({@link ServerManagedAttribute}); admins see them on the user and may correct or
 * clear them (an admin's value counts as confirmed).
 */
public final class RecoveryEmailAttributes {

    /** The confirmed recovery address: password reset mails go here. */
    public static final String VERIFIED = "recoveryEmail";

    /** An address the user asked for and has not confirmed yet: never used for anything but its confirmation mail. */
    public static final String PENDING = "recoveryEmailPending";

    public static final List<ServerManagedAttribute> SERVER_MANAGED = List.of(
            ServerManagedAttribute.emailAddress(VERIFIED, "Recovery email"),
            ServerManagedAttribute.emailAddress(PENDING, "Recovery email (waiting for confirmation)"));

    private RecoveryEmailAttributes() {
    }

    public static Optional<String> verified(UserModel user) {
        return value(user, VERIFIED);
    }

    public static Optional<String> pending(UserModel user) {
        return value(user, PENDING);
    }

    private static Optional<String> value(UserModel user, String attribute) {
        String value = user.getFirstAttribute(attribute);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
