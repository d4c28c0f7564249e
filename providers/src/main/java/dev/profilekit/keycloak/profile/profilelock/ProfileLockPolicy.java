package dev.profilekit.keycloak.profile.profilelock;

import dev.profilekit.keycloak.profile.recoveryemail.RecoveryEmailAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfileContext;

/**
 * Which profile attributes a user may change about themselves.
 * <ul>
 *   <li>A user linked to a user-federation provider (LDAP, Kerberos, any external directory) never changes the
 *       {@link #LOCKED_ATTRIBUTES} through a self-service path: the directory owns them.</li>
 *   <li>When the realm attribute {@value #ENABLED_ATTRIBUTE} is {@code true} ("Lock user profiles"), nobody does.</li>
 * </ul>
 * Self-service paths are the user-profile contexts in {@link #SELF_SERVICE_CONTEXTS}: the account REST API and
 * account console, the UPDATE_PROFILE and UPDATE_EMAIL required actions. Admins (admin console, admin REST API)
 * are never locked out. The realm attribute lives in the database, so every cluster node applies the same setting.
 */
public final class ProfileLockPolicy {

    /** Realm attribute holding the "Lock user profiles" switch ({@code true}/{@code false}, default {@code false}). */
    public static final String ENABLED_ATTRIBUTE = "profilekit.profileLock.enabled";

    /** The attributes the lock covers. Locking another attribute is one more entry here. */
    public static final List<String> LOCKED_ATTRIBUTES = List.of(
            UserModel.FIRST_NAME,
            UserModel.LAST_NAME,
            UserModel.EMAIL,
            RecoveryEmailAttributes.VERIFIED);

    /** Where a user edits their own profile. */
    public static final Set<UserProfileContext> SELF_SERVICE_CONTEXTS = EnumSet.of(
            UserProfileContext.ACCOUNT,
            UserProfileContext.UPDATE_PROFILE,
            UserProfileContext.UPDATE_EMAIL);

    private ProfileLockPolicy() {
    }

    public static boolean isEnabled(RealmModel realm) {
        String stored = realm.getAttribute(ENABLED_ATTRIBUTE);
        return stored != null && Boolean.parseBoolean(stored.trim());
    }

    public static void setEnabled(RealmModel realm, boolean enabled) {
        realm.setAttribute(ENABLED_ATTRIBUTE, String.valueOf(enabled));
    }

    /** The lock that keeps {@code user} from changing the {@link #LOCKED_ATTRIBUTES} themselves, if any. */
    public static Optional<ProfileLock> lockOf(RealmModel realm, UserModel user) {
        if (user == null) {
            return Optional.empty();
        }
        Optional<String> directory = UserDirectory.nameOf(realm, user);
        if (directory.isPresent()) {
            return Optional.of(ProfileLock.directory(directory.get()));
        }
        return isEnabled(realm) ? Optional.of(ProfileLock.ADMIN) : Optional.empty();
    }

    /** Whether the lock (if any) applies to writes made in {@code context}. */
    public static boolean appliesTo(UserProfileContext context) {
        return SELF_SERVICE_CONTEXTS.contains(context);
    }
}
