package dev.profilekit.keycloak.profile.avatar;

import dev.profilekit.keycloak.profile.profilelock.ProfileLockPolicy;
import java.util.List;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.UserProfileMetadata;

/**
 * Keeps the user attribute {@value #PICTURE} (the OIDC {@code picture} claim, mapped by Keycloak's built-in
 * {@code profile} scope) in Profile Kit's hands, in every realm, whatever its user-profile configuration says about
 * unmanaged attributes:
 * <ul>
 *   <li>if the realm's user profile does not declare {@value #PICTURE}, it becomes a managed attribute that admins
 *       see and nobody edits through the user profile (account console, account REST API, required actions, admin
 *       console): it changes only through the avatar endpoints, and a user's own profile update keeps it;</li>
 *   <li>if the realm declares it itself (for example to import pictures from an identity provider), the realm's
 *       rules stay, except that users cannot write it in self-service contexts, where they could otherwise publish
 *       any URL as their picture.</li>
 * </ul>
 * Called by the realm's user-profile provider (see {@code ProfileLockUserProfileProvider}).
 */
public final class AvatarUserProfile {

    /** The user attribute, and the OIDC claim, with the avatar's absolute URL. */
    public static final String PICTURE = "picture";
    /** How the admin console labels the attribute (read-only there). */
    static final String DISPLAY_NAME = "Avatar URL (picture)";

    private AvatarUserProfile() {
    }

    public static void configure(UserProfileMetadata metadata) {
        if (!metadata.getContext().isAttributeSupported(PICTURE)) {
            return;
        }
        if (metadata.getAttribute(PICTURE).isEmpty()) {
            // selector, write, required, read: for everyone, never through the user profile, optional, admins only
            metadata.addAttribute(PICTURE, Integer.MAX_VALUE, List.of(), AttributeMetadata.ALWAYS_TRUE, AttributeMetadata.ALWAYS_FALSE,
                    AttributeMetadata.ALWAYS_FALSE, AvatarUserProfile::isAdminContext).setAttributeDisplayName(DISPLAY_NAME);
            return;
        }
        if (ProfileLockPolicy.appliesTo(metadata.getContext())) {
            metadata.getAttribute(PICTURE).forEach(attribute -> attribute.addWriteCondition(AttributeMetadata.ALWAYS_FALSE));
        }
    }

    private static boolean isAdminContext(AttributeContext context) {
        return context.getContext().isAdminContext();
    }
}
