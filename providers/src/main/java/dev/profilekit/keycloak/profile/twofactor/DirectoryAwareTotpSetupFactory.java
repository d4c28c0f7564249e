package dev.profilekit.keycloak.profile.twofactor;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.UpdateTotp;

/**
 * Keycloak's CONFIGURE_TOTP (same id, higher order; Keycloak's OTP form looks the action up as an {@link UpdateTotp}),
 * unchanged except for users whose directory does their two-factor authentication: see {@link DirectoryAwareSetup}.
 */
public final class DirectoryAwareTotpSetupFactory extends UpdateTotp {

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        DirectoryAwareSetup.evaluateTriggers(context, super::evaluateTriggers);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        DirectoryAwareSetup.requiredActionChallenge(context, super::requiredActionChallenge);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        DirectoryAwareSetup.processAction(context, super::processAction);
    }

    @Override
    public int order() {
        return super.order() + DirectoryAwareSetup.ORDER_ABOVE_KEYCLOAK;
    }
}
