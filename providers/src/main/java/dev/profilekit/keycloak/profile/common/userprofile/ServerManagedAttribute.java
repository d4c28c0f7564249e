package dev.profilekit.keycloak.profile.common.userprofile;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.AttributeValidatorMetadata;
import org.keycloak.userprofile.DefaultAttributes;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileMetadata;
import org.keycloak.userprofile.validator.ReadOnlyAttributeUnchangedValidator;
import org.keycloak.validate.ValidatorConfig;

/**
 * A user attribute that only Profile Kit's own code writes (for example a recovery email, set only after its owner
 * confirmed it): users never change it through a self-service path, whatever the realm's user-profile configuration
 * and its unmanaged-attribute policy say, and a self-service profile update never removes it. Admins see it read-only
 * on the user's details in the admin console and in the admin REST API. This is how Keycloak treats its own
 * {@code kc.email.pending}.
 *
 * @param name        the user attribute
 * @param displayName the label the admin console shows
 */
public record ServerManagedAttribute(String name, String displayName) {

    /** Where the admin console lists them, after the realm's own attributes. */
    private static final int GUI_ORDER = 1000;

    /**
     * Applies {@code attributes} to the default metadata of one user-profile context: read-only in the contexts where
     * users edit themselves ({@link UserProfileContext#canBeAuthFlowContext()}: account console and REST API, update
     * profile/email, registration, broker review), visible and read-only in the admin context.
     */
    public static UserProfileMetadata protect(UserProfileMetadata metadata, Collection<ServerManagedAttribute> attributes) {
        UserProfileContext context = metadata.getContext();
        if (context.canBeAuthFlowContext()) {
            AttributeValidatorMetadata unchanged = new AttributeValidatorMetadata(ReadOnlyAttributeUnchangedValidator.ID,
                    ValidatorConfig.builder().config(ReadOnlyAttributeUnchangedValidator.CFG_PATTERN, pattern(attributes)).build());
            for (AttributeMetadata readOnly : metadata.getAttribute(DefaultAttributes.READ_ONLY_ATTRIBUTE_KEY)) {
                readOnly.addValidators(List.of(unchanged));
            }
        } else if (context == UserProfileContext.USER_API) {
            for (ServerManagedAttribute attribute : attributes) {
                metadata.addAttribute(attribute.name(), GUI_ORDER, AttributeMetadata.ALWAYS_FALSE, AttributeMetadata.ALWAYS_TRUE)
                        .setAttributeDisplayName(attribute.displayName())
                        .setRequired(AttributeMetadata.ALWAYS_FALSE);
            }
        }
        return metadata;
    }

    /** The names, exactly and case-insensitively (as Keycloak matches its read-only attribute patterns). */
    static Pattern pattern(Collection<ServerManagedAttribute> attributes) {
        return Pattern.compile(attributes.stream()
                .map(attribute -> "^" + Pattern.quote(attribute.name()) + "$")
                .collect(Collectors.joining("|", "(?i:", ")")));
    }
}
