package dev.profilekit.keycloak.profile.account;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.authentication.requiredactions.RecoveryAuthnCodesAction;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.models.credential.dto.RecoveryAuthnCodesCredentialData;
import org.keycloak.util.JsonSerialization;
import org.keycloak.utils.RequiredActionHelper;

/**
 * Which of Keycloak's own second factors a user has set up.
 *
 * @param otp                           number of authenticator apps (TOTP/HOTP)
 * @param securityKeys                  number of WebAuthn security keys registered as a second factor
 * @param passkeys                      number of passkeys (passwordless WebAuthn)
 * @param recoveryCodes                 whether a set of recovery codes exists
 * @param recoveryCodesRemaining        unused recovery codes, {@code null} without a set
 * @param recoveryCodesWarningThreshold below this many remaining codes the user is told to generate new ones: the
 *                                      "Warning Threshold" of Keycloak's Recovery Authentication Codes required action
 */
public record SecondFactors(long otp, long securityKeys, long passkeys, boolean recoveryCodes,
                            Integer recoveryCodesRemaining, int recoveryCodesWarningThreshold) {

    /** The credential types that are a second factor by themselves (recovery codes only back one up). */
    public static final Set<String> TYPES = Set.of(
            OTPCredentialModel.TYPE, WebAuthnCredentialModel.TYPE_TWOFACTOR, WebAuthnCredentialModel.TYPE_PASSWORDLESS);

    private static final Logger LOG = Logger.getLogger(SecondFactors.class);

    static SecondFactors of(RealmModel realm, UserModel user) {
        Optional<Integer> remaining = remainingRecoveryCodes(user);
        return new SecondFactors(
                count(user, OTPCredentialModel.TYPE),
                count(user, WebAuthnCredentialModel.TYPE_TWOFACTOR),
                count(user, WebAuthnCredentialModel.TYPE_PASSWORDLESS),
                remaining.isPresent(),
                remaining.orElse(null),
                warningThreshold(realm));
    }

    /** Whether the user has any authenticator app, security key or passkey. */
    public static boolean anySet(UserModel user) {
        return TYPES.stream().anyMatch(type -> count(user, type) > 0);
    }

    private static long count(UserModel user, String type) {
        return user.credentialManager().getStoredCredentialsByTypeStream(type).count();
    }

    private static Optional<Integer> remainingRecoveryCodes(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(RecoveryAuthnCodesCredentialModel.TYPE)
                .findFirst()
                .map(SecondFactors::remaining);
    }

    private static int remaining(CredentialModel codes) {
        try {
            return JsonSerialization.readValue(codes.getCredentialData(), RecoveryAuthnCodesCredentialData.class).getRemainingCodes();
        } catch (IOException unreadable) {
            LOG.warnf("Unreadable recovery codes credential %s", codes.getId());
            return 0;
        }
    }

    /** The same threshold Keycloak's own account console uses (required action config, else the password policy). */
    private static int warningThreshold(RealmModel realm) {
        RequiredActionProviderModel action = RequiredActionHelper.getRequiredActionByProviderId(realm, RecoveryAuthnCodesAction.PROVIDER_ID);
        if (action != null && action.getConfig() != null && action.getConfig().containsKey(RecoveryAuthnCodesAction.WARNING_THRESHOLD)) {
            try {
                return Integer.parseInt(action.getConfig().get(RecoveryAuthnCodesAction.WARNING_THRESHOLD).trim());
            } catch (NumberFormatException invalid) {
                LOG.debugf("Invalid recovery codes warning threshold in realm %s", realm.getName());
            }
        }
        return realm.getPasswordPolicy().getRecoveryCodesWarningThreshold();
    }
}
