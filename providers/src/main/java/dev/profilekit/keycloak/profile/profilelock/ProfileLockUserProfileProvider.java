package dev.profilekit.keycloak.profile.profilelock;

import dev.profilekit.keycloak.profile.avatar.AvatarUserProfile;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.AttributeValidatorMetadata;
import org.keycloak.userprofile.DeclarativeUserProfileProvider;
import org.keycloak.userprofile.UserProfileMetadata;

/**
 * Makes the {@link ProfileLockPolicy#LOCKED_ATTRIBUTES} read-only for a locked user in self-service contexts, on top
 * of whatever the realm's user-profile configuration says. Read-only means the forms render the field disabled and
 * Keycloak refuses a changed value; {@link ProfileLockValidator} adds the reason as a message key. Being the realm's
 * user-profile provider, it also lets the avatar capability declare its attribute ({@link AvatarUserProfile}).
 */
final class ProfileLockUserProfileProvider extends DeclarativeUserProfileProvider {

    private static final List<AttributeValidatorMetadata> LOCK_VALIDATOR =
            List.of(new AttributeValidatorMetadata(ProfileLockValidator.ID));

    ProfileLockUserProfileProvider(KeycloakSession session, ProfileLockUserProfileProviderFactory factory) {
        super(session, factory);
    }

    @Override
    protected UserProfileMetadata configureUserProfile(UserProfileMetadata metadata, KeycloakSession session) {
        UserProfileMetadata configured = super.configureUserProfile(metadata, session);
        AvatarUserProfile.configure(configured);
        if (!ProfileLockPolicy.appliesTo(configured.getContext())) {
            return configured;
        }
        for (String name : ProfileLockPolicy.LOCKED_ATTRIBUTES) {
            for (AttributeMetadata attribute : configured.getAttribute(name)) {
                attribute.addWriteCondition(ProfileLockUserProfileProvider::notLocked).addValidators(LOCK_VALIDATOR);
            }
        }
        return configured;
    }

    private static boolean notLocked(AttributeContext context) {
        return ProfileLockPolicy.lockOf(context.getSession().getContext().getRealm(), context.getUser()).isEmpty();
    }
}
