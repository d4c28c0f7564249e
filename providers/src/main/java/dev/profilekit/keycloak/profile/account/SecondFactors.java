package dev.profilekit.keycloak.profile.account;

import java.util.Set;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * Which of Keycloak's own second factors a user has set up.
 *
 * @param otp           number of authenticator apps (TOTP/HOTP)
 * @param securityKeys  number of WebAuthn security keys registered as a second factor
 * @param passkeys      number of passkeys (passwordless WebAuthn)
 * @param recoveryCodes whether a set of recovery codes exists
 */
public record SecondFactors(long otp, long securityKeys, long passkeys, boolean recoveryCodes) {

    /** The credential types that are a second factor by themselves (recovery codes only back one up). */
    public static final Set<String> TYPES = Set.of(
            OTPCredentialModel.TYPE, WebAuthnCredentialModel.TYPE_TWOFACTOR, WebAuthnCredentialModel.TYPE_PASSWORDLESS);

    public static SecondFactors of(UserModel user) {
        return new SecondFactors(
                count(user, OTPCredentialModel.TYPE),
                count(user, WebAuthnCredentialModel.TYPE_TWOFACTOR),
                count(user, WebAuthnCredentialModel.TYPE_PASSWORDLESS),
                count(user, RecoveryAuthnCodesCredentialModel.TYPE) > 0);
    }

    /** Whether the user has any authenticator app, security key or passkey. */
    public boolean anySet() {
        return otp + securityKeys + passkeys > 0;
    }

    private static long count(UserModel user, String type) {
        return user.credentialManager().getStoredCredentialsByTypeStream(type).count();
    }
}
