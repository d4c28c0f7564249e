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
import org.keycloak.validate.AbstractSimpleValidator;
import org.keycloak.validate.ValidatorConfig;
import org.keycloak.validate.validators.EmailValidator;

/**
 * A user attribute that users never write themselves, only Profile Kit's own code (for example a recovery email, set
 * once its owner confirmed it) and admins. In every self-service path it is read-only whatever the realm's
 * user-profile configuration and its unmanaged-attribute policy say: a changed value is refused and a profile update
 * never removes it (as Keycloak treats its own {@code kc.email.pending}). Admins see and edit it on the user's
 * details in the admin console and through the admin REST API, with {@code adminValidators}.
 *
 * @param name            the user attribute
 * @param displayName     the label the admin console shows
 * @param adminValidators checks of an admin's value
 */
public record ServerManagedAttribute(String name, String displayName, List<AttributeValidatorMetadata> adminValidators) {

    /** Where the admin console lists them, after the realm's own attributes. */
    private static final int GUI_ORDER = 1000;

    public ServerManagedAttribute {
        adminValidators = List.copyOf(adminValidators);
    }

    /** An attribute holding an email address (or nothing). */
    public static ServerManagedAttribute emailAddress(String name, String displayName) {
        return new ServerManagedAttribute(name, displayName, List.of(new AttributeValidatorMetadata(EmailValidator.ID,
                ValidatorConfig.builder().config(AbstractSimpleValidator.IGNORE_EMPTY_VALUE, true).build())));
    }

    /**
     * Applies {@code attributes} to the default metadata of one user-profile context: read-only in the contexts where
     * users edit themselves ({@link UserProfileContext#canBeAuthFlowContext()}: account console and REST API, update
     * profile/email, registration, broker review), visible and editable in the admin context.
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
                metadata.addAttribute(attribute.name(), GUI_ORDER, AttributeMetadata.ALWAYS_TRUE, AttributeMetadata.ALWAYS_TRUE,
                                attribute.adminValidators().toArray(AttributeValidatorMetadata[]::new))
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
