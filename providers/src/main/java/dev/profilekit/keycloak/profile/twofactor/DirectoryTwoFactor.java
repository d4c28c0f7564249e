package dev.profilekit.keycloak.profile.twofactor;

import dev.profilekit.keycloak.profile.profilelock.UserDirectory;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * External directories that do their own two-factor authentication. The realm attribute {@value #ATTRIBUTE} lists
 * user-federation providers by name (as shown under User federation) or id, comma-separated. Their users are never
 * asked for, forced into or offered Keycloak's second factors, and the Profile page says why.
 */
public final class DirectoryTwoFactor {

    public static final String ATTRIBUTE = "profilekit.twoFactor.handledByDirectories";

    private DirectoryTwoFactor() {
    }

    /** The name of the directory that handles {@code user}'s second factor, empty when Keycloak does. */
    public static Optional<String> handledBy(RealmModel realm, UserModel user) {
        String link = user == null ? null : user.getFederationLink();
        if (link == null) {
            return Optional.empty();
        }
        Set<String> listed = listed(realm.getAttribute(ATTRIBUTE));
        Optional<String> name = UserDirectory.nameOf(realm, user);
        return listed.contains(link) || name.filter(listed::contains).isPresent() ? name : Optional.empty();
    }

    static Set<String> listed(String attribute) {
        return attribute == null ? Set.of() : Arrays.stream(attribute.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
