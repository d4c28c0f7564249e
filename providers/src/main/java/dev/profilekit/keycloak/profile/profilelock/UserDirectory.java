package dev.profilekit.keycloak.profile.profilelock;

import java.util.Optional;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The external directory (user-federation provider) a user comes from. */
public final class UserDirectory {

    private UserDirectory() {
    }

    /** The display name of the user-federation provider {@code user} is linked to; empty for a local account. */
    public static Optional<String> nameOf(RealmModel realm, UserModel user) {
        String link = user.getFederationLink();
        if (link == null) {
            return Optional.empty();
        }
        ComponentModel provider = realm.getComponent(link);
        return Optional.of(provider == null ? link : provider.getName());
    }
}
