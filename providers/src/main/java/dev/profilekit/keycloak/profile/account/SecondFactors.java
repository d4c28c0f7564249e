package dev.profilekit.keycloak.profile.account;

import dev.profilekit.keycloak.profile.twofactor.RecoveryCodesStatus;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * Which of Keycloak's own second factors a user has set up.
 *
 * @param otp                           number of authenticator apps (TOTP/HOTP)
 * @param securityKeys                  number of WebAuthn security keys registered as a second factor
 * @param passkeys                      number of passkeys (passwordless WebAuthn)
 * @param recoveryCodes                 whether a set of recovery codes exists
 * @param recoveryCodesRemaining        unused recovery codes, {@code null} without a set
 * @param recoveryCodesWarningThreshold below this many remaining codes the user is told to generate new ones
 */
public record SecondFactors(long otp, long securityKeys, long passkeys, boolean recoveryCodes,
                            Integer recoveryCodesRemaining, int recoveryCodesWarningThreshold) {

    static SecondFactors of(RealmModel realm, UserModel user) {
        RecoveryCodesStatus codes = RecoveryCodesStatus.of(realm, user);
        return new SecondFactors(
                count(user, OTPCredentialModel.TYPE),
                count(user, WebAuthnCredentialModel.TYPE_TWOFACTOR),
                count(user, WebAuthnCredentialModel.TYPE_PASSWORDLESS),
                codes.remaining().isPresent(),
                codes.remaining().orElse(null),
                codes.warningThreshold());
    }

    private static long count(UserModel user, String type) {
        return user.credentialManager().getStoredCredentialsByTypeStream(type).count();
    }
}
