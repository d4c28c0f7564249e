package dev.profilekit.keycloak.profile.profilelock;

import org.keycloak.models.KeycloakSession;
import org.keycloak.userprofile.DeclarativeUserProfileProvider;
import org.keycloak.userprofile.DeclarativeUserProfileProviderFactory;

/**
 * Keycloak's declarative user profile plus the profile-lock policy. It keeps Keycloak's provider id and wins by a
 * higher {@link #order()}, so the realm's user-profile configuration (admin console "User profile") keeps working
 * unchanged and every path that edits a user through the user profile — account REST API, account console,
 * UPDATE_PROFILE / UPDATE_EMAIL required actions, admin API — goes through {@link ProfileLockUserProfileProvider}.
 */
public final class ProfileLockUserProfileProviderFactory extends DeclarativeUserProfileProviderFactory {

    /** Above Keycloak's own {@link DeclarativeUserProfileProviderFactory#PROVIDER_PRIORITY}. */
    static final int ORDER = PROVIDER_PRIORITY + 100;

    @Override
    public DeclarativeUserProfileProvider create(KeycloakSession session) {
        return new ProfileLockUserProfileProvider(session, this);
    }

    @Override
    public int order() {
        return ORDER;
    }
}
