package dev.profilekit.keycloak.profile.account;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What the Profile page shows about the calling user.
 *
 * @param accountSource {@code null} for a local account, else the display name of the user-federation provider
 */
public record ProfileSummary(String username, String email, boolean emailVerified, String firstName, String lastName,
                             String accountSource) {

    static ProfileSummary of(RealmModel realm, UserModel user) {
        return new ProfileSummary(user.getUsername(), user.getEmail(), user.isEmailVerified(), user.getFirstName(),
                user.getLastName(), accountSource(realm, user));
    }

    private static String accountSource(RealmModel realm, UserModel user) {
        if (user.getFederationLink() == null) {
            return null;
        }
        ComponentModel provider = realm.getComponent(user.getFederationLink());
        return provider == null ? user.getFederationLink() : provider.getName();
    }
}
