package dev.profilekit.keycloak.profile.twofactor;

import java.util.List;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/** The credential types of Keycloak's own second factors (recovery codes are a fallback, not a factor of their own). */
public final class SecondFactorTypes {

    public static final List<String> ALL = List.of(
            OTPCredentialModel.TYPE,
            WebAuthnCredentialModel.TYPE_TWOFACTOR,
            WebAuthnCredentialModel.TYPE_PASSWORDLESS);

    private SecondFactorTypes() {
    }

    /** Whether the user has any second factor (an authenticator app, a security key or a passkey). */
    public static boolean anySet(UserModel user) {
        return ALL.stream().anyMatch(type -> user.credentialManager().getStoredCredentialsByTypeStream(type).findAny().isPresent());
    }
}
