package dev.profilekit.keycloak.profile.account;

import dev.profilekit.keycloak.profile.avatar.AvatarSettings;
import dev.profilekit.keycloak.profile.avatar.AvatarUserProfile;
import dev.profilekit.keycloak.profile.profilelock.ProfileLock;
import dev.profilekit.keycloak.profile.profilelock.ProfileLockPolicy;
import dev.profilekit.keycloak.profile.profilelock.UserDirectory;
import dev.profilekit.keycloak.profile.twofactor.DirectoryTwoFactor;
import java.util.List;
import java.util.Locale;
import org.keycloak.authentication.requiredactions.UpdateEmail;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.ModelToRepresentation;

/**
 * What the Profile page shows about the calling user.
 *
 * @param accountSource     {@code null} for a local account, else the display name of the user-federation provider
 * @param locale            the user's chosen language, {@code null} for the realm default
 * @param locales           the languages the realm offers (empty when internationalization is off)
 * @param roles             realm roles granted to the user directly (the realm's default roles left out)
 * @param groups            paths of the user's groups
 * @param emailChangeAction whether a new email goes through Keycloak's UPDATE_EMAIL action (re-authentication, and
 *                          verification of the new address when the realm verifies email) rather than a plain edit
 * @param lock              why the user cannot change {@link ProfileLockPolicy#LOCKED_ATTRIBUTES}, or {@code null}
 * @param twoFactorHandledBy the directory that does this user's two-factor authentication, {@code null} when Keycloak does
 * @param picture           the user's avatar URL (user attribute and OIDC claim {@code picture}), {@code null} for the placeholder
 * @param avatar            what the user may do about their avatar
 */
public record ProfileSummary(String username, String email, boolean emailVerified, String firstName, String lastName,
                             String accountSource, String locale, List<String> locales, List<String> roles,
                             List<String> groups, SecondFactors secondFactors, boolean emailChangeAction, Lock lock,
                             String twoFactorHandledBy, String picture, AvatarOptions avatar) {

    static ProfileSummary of(RealmModel realm, UserModel user) {
        return new ProfileSummary(user.getUsername(), user.getEmail(), user.isEmailVerified(), user.getFirstName(),
                user.getLastName(),
                UserDirectory.nameOf(realm, user).orElse(null),
                user.getFirstAttribute(UserModel.LOCALE),
                realm.isInternationalizationEnabled() ? realm.getSupportedLocalesStream().sorted().toList() : List.of(),
                user.getRealmRoleMappingsStream()
                        .filter(role -> !role.getId().equals(realm.getDefaultRole().getId()))
                        .map(RoleModel::getName)
                        .sorted()
                        .toList(),
                user.getGroupsStream().map(ModelToRepresentation::buildGroupPath).sorted().toList(),
                SecondFactors.of(realm, user),
                UpdateEmail.isEnabled(realm),
                ProfileLockPolicy.lockOf(realm, user).map(Lock::of).orElse(null),
                DirectoryTwoFactor.handledBy(realm, user).orElse(null),
                user.getFirstAttribute(AvatarUserProfile.PICTURE),
                AvatarOptions.of(realm, user));
    }

    /**
     * @param locked          the profile lock covers the avatar for this user: no upload, Gravatar or removal
     * @param gravatarEnabled the realm lets users choose their Gravatar
     */
    public record AvatarOptions(boolean locked, boolean gravatarEnabled) {

        static AvatarOptions of(RealmModel realm, UserModel user) {
            AvatarSettings settings = AvatarSettings.of(realm);
            return new AvatarOptions(settings.lockOf(realm, user).isPresent(), settings.gravatarEnabled());
        }
    }

    /**
     * @param reason     {@code admin} or {@code directory}
     * @param directory  the directory's name for {@code directory}
     * @param attributes the attributes the user cannot change
     */
    public record Lock(String reason, String directory, List<String> attributes) {

        static Lock of(ProfileLock lock) {
            return new Lock(lock.reason().name().toLowerCase(Locale.ROOT), lock.directory(), ProfileLockPolicy.LOCKED_ATTRIBUTES);
        }
    }
}
