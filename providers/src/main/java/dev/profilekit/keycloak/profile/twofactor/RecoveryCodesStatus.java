package dev.profilekit.keycloak.profile.twofactor;

import java.io.IOException;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.requiredactions.RecoveryAuthnCodesAction;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.dto.RecoveryAuthnCodesCredentialData;
import org.keycloak.util.JsonSerialization;
import org.keycloak.utils.RequiredActionHelper;

/**
 * A user's recovery codes as Keycloak stores them, and the realm's warning threshold.
 *
 * @param remaining           unused codes, empty without a set
 * @param warningThreshold    below this many codes the user should generate new ones: the "Warning Threshold" of
 *                            Keycloak's Recovery Authentication Codes action, else the password policy's
 * @param hasSecondFactor     whether the user has one of Keycloak's second factors
 */
public record RecoveryCodesStatus(Optional<Integer> remaining, int warningThreshold, boolean hasSecondFactor) {

    private static final Logger LOG = Logger.getLogger(RecoveryCodesStatus.class);

    public static RecoveryCodesStatus of(RealmModel realm, UserModel user) {
        Optional<Integer> remaining = user.credentialManager().getStoredCredentialsByTypeStream(RecoveryAuthnCodesCredentialModel.TYPE)
                .findFirst()
                .map(RecoveryCodesStatus::remainingCodes);
        boolean hasSecondFactor = SecondFactorTypes.ALL.stream()
                .anyMatch(type -> user.credentialManager().getStoredCredentialsByTypeStream(type).findAny().isPresent());
        return new RecoveryCodesStatus(remaining, warningThreshold(realm), hasSecondFactor);
    }

    private static int remainingCodes(CredentialModel codes) {
        try {
            return JsonSerialization.readValue(codes.getCredentialData(), RecoveryAuthnCodesCredentialData.class).getRemainingCodes();
        } catch (IOException unreadable) {
            LOG.warnf("Unreadable recovery codes credential %s", codes.getId());
            return 0;
        }
    }

    private static int warningThreshold(RealmModel realm) {
        RequiredActionProviderModel action = RequiredActionHelper.getRequiredActionByProviderId(realm, RecoveryAuthnCodesAction.PROVIDER_ID);
        String configured = action == null || action.getConfig() == null ? null : action.getConfig().get(RecoveryAuthnCodesAction.WARNING_THRESHOLD);
        if (configured != null) {
            try {
                return Integer.parseInt(configured.trim());
            } catch (NumberFormatException invalid) {
                LOG.debugf("Invalid recovery codes warning threshold in realm %s", realm.getName());
            }
        }
        return realm.getPasswordPolicy().getRecoveryCodesWarningThreshold();
    }
}
