package dev.profilekit.keycloak.profile.profilelock;

import dev.profilekit.keycloak.profile.common.userprofile.ServerManagedAttribute;
import dev.profilekit.keycloak.profile.recoveryemail.RecoveryEmailAttributes;
import org.keycloak.models.KeycloakSession;
import org.keycloak.userprofile.DeclarativeUserProfileProvider;
import org.keycloak.userprofile.DeclarativeUserProfileProviderFactory;
import org.keycloak.userprofile.UserProfileMetadata;

/**
 * Keycloak's declarative user profile plus the profile-lock policy. It keeps Keycloak's provider id and wins by a
 * higher {@link #order()}, so the realm's user-profile configuration (admin console "User profile") keeps working
 * unchanged and every path that edits a user through the user profile — account REST API, account console,
 * UPDATE_PROFILE / UPDATE_EMAIL required actions, admin API — goes through {@link ProfileLockUserProfileProvider}.
 * It also keeps the attributes only Profile Kit writes ({@link ServerManagedAttribute}) out of users' reach.
 */
public final class ProfileLockUserProfileProviderFactory extends DeclarativeUserProfileProviderFactory {

    /** Above Keycloak's own {@link DeclarativeUserProfileProviderFactory#PROVIDER_PRIORITY}. */
    static final int ORDER = PROVIDER_PRIORITY + 100;

    @Override
    public DeclarativeUserProfileProvider create(KeycloakSession session) {
        return new ProfileLockUserProfileProvider(session, this);
    }

    /** The default metadata of each context, built once at start-up. */
    @Override
    protected UserProfileMetadata configureUserProfile(UserProfileMetadata metadata) {
        return ServerManagedAttribute.protect(super.configureUserProfile(metadata), RecoveryEmailAttributes.SERVER_MANAGED);
    }

    @Override
    public int order() {
        return ORDER;
    }
}
