package dev.profilekit.keycloak.profile.profilelock;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * Refuses a changed value of a locked attribute with the lock's message key ({@code profileLockedByAdmin} or
 * {@code profileManagedByDirectory} with the directory name as parameter {@code {1}}). Keycloak's own
 * read-only check refuses the same write with the generic {@code error-user-attribute-read-only}; this one says why.
 */
public final class ProfileLockValidator implements SimpleValidator {

    public static final String ID = "profile-lock";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context, ValidatorConfig config) {
        AttributeContext attribute = ((UserProfileAttributeValidationContext) context).getAttributeContext();
        UserModel user = attribute.getUser();
        if (user == null || !ProfileLockPolicy.appliesTo(attribute.getContext())) {
            return context;
        }
        RealmModel realm = context.getSession().getContext().getRealm();
        Optional<ProfileLock> lock = ProfileLockPolicy.lockOf(realm, user);
        if (lock.isPresent() && changes(user, inputHint, input)) {
            ProfileLock reason = lock.get();
            context.addError(reason.directory() == null
                    ? new ValidationError(ID, inputHint, reason.messageKey())
                    : new ValidationError(ID, inputHint, reason.messageKey(), reason.directory()));
        }
        return context;
    }

    private static boolean changes(UserModel user, String name, Object input) {
        List<String> current = normalized(name, user.getAttributeStream(name).filter(Objects::nonNull).toList());
        List<String> requested = input instanceof List<?> values
                ? normalized(name, values.stream().filter(Objects::nonNull).map(Object::toString).filter(v -> !v.isEmpty()).toList())
                : List.of();
        return !current.equals(requested);
    }

    /** Keycloak stores email in lower case; a form echoing it in another case is no change. */
    private static List<String> normalized(String name, List<String> values) {
        return UserModel.EMAIL.equals(name) ? values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList() : values;
    }
}
