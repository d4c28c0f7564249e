package dev.profilekit.keycloak.profile.avatar;

import dev.profilekit.keycloak.profile.profilelock.ProfileLock;
import dev.profilekit.keycloak.profile.profilelock.ProfileLockPolicy;
import java.util.Optional;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A realm's avatar settings, stored as realm attributes (so every cluster node reads the same values):
 *
 * <table>
 *   <tr><th>Attribute</th><th>Default</th><th>Effect</th></tr>
 *   <tr><td>{@value #COVERED_BY_PROFILE_LOCK}</td><td>{@code true}</td>
 *       <td>a user whom the profile lock applies to (see {@link ProfileLockPolicy#lockOf}) cannot change their avatar</td></tr>
 *   <tr><td>{@value #GRAVATAR_ENABLED}</td><td>{@code false}</td>
 *       <td>users may choose their Gravatar picture instead of uploading one</td></tr>
 * </table>
 */
public record AvatarSettings(boolean coveredByProfileLock, boolean gravatarEnabled) {

    public static final String COVERED_BY_PROFILE_LOCK = "profilekit.avatar.coveredByProfileLock";
    public static final String GRAVATAR_ENABLED = "profilekit.avatar.gravatarEnabled";

    public static AvatarSettings of(RealmModel realm) {
        return new AvatarSettings(bool(realm.getAttribute(COVERED_BY_PROFILE_LOCK), true), bool(realm.getAttribute(GRAVATAR_ENABLED), false));
    }

    /** The lock that keeps {@code user} from changing their avatar themselves, if any (admins are never locked). */
    public Optional<ProfileLock> lockOf(RealmModel realm, UserModel user) {
        return coveredByProfileLock ? ProfileLockPolicy.lockOf(realm, user) : Optional.empty();
    }

    private static boolean bool(String stored, boolean fallback) {
        return stored == null || stored.isBlank() ? fallback : Boolean.parseBoolean(stored.trim());
    }
}
