package dev.profilekit.keycloak.profile.twofactor;

import java.util.Set;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.RecoveryAuthnCodesAction;
import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegisterFactory;
import org.keycloak.authentication.requiredactions.WebAuthnRegisterFactory;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Offers recovery codes during a login, skippable: right after the user set up a second factor in this login (when
 * they have no codes yet), and whenever fewer codes are left than the realm's warning threshold. "Generate" hands over
 * to Keycloak's own Recovery Authentication Codes action; "Not now" goes on. Offered at most once per login, never to
 * users whose directory does their two-factor authentication.
 */
final class RecoveryCodesOffer implements RequiredActionProvider {

    /** Keycloak's actions that set up a second factor; the offer follows them. */
    static final Set<String> SECOND_FACTOR_SETUP = Set.of(
            UserModel.RequiredAction.CONFIGURE_TOTP.name(),
            WebAuthnRegisterFactory.PROVIDER_ID,
            WebAuthnPasswordlessRegisterFactory.PROVIDER_ID);

    private static final String TEMPLATE = "profilekit-recovery-codes-offer.ftl";
    private static final String OFFERED_NOTE = "profilekit.recoveryCodesOffered";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getAuthNote(OFFERED_NOTE) != null || isRegeneratingAlready(authSession) || !codesActionEnabled(context.getRealm())
                || DirectoryTwoFactor.handledBy(context.getRealm(), context.getUser()).isPresent()) {
            return;
        }
        String lastAction = authSession.getAuthNote(AuthenticationProcessor.LAST_PROCESSED_EXECUTION);
        boolean justSetUp = lastAction != null && SECOND_FACTOR_SETUP.contains(lastAction);
        if (shouldOffer(RecoveryCodesStatus.of(context.getRealm(), context.getUser()), justSetUp)) {
            authSession.addRequiredAction(RecoveryCodesOfferFactory.PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.getAuthenticationSession().setAuthNote(OFFERED_NOTE, "true");
        RecoveryCodesStatus status = RecoveryCodesStatus.of(context.getRealm(), context.getUser());
        context.challenge(context.form()
                .setAttribute("recoveryCodesRemaining", status.remaining().orElse(null))
                .createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.getAuthenticationSession().setAuthNote(OFFERED_NOTE, "true");
        if (context.getHttpRequest().getDecodedFormParameters().containsKey("generate")) {
            context.getAuthenticationSession().addRequiredAction(RecoveryAuthnCodesAction.PROVIDER_ID);
        }
        context.success();
    }

    /** No codes yet: offer right after a second factor was set up. Some codes: offer when fewer than the threshold. */
    static boolean shouldOffer(RecoveryCodesStatus status, boolean secondFactorJustSetUp) {
        if (!status.hasSecondFactor()) {
            return false;
        }
        return status.remaining().map(left -> left < status.warningThreshold()).orElse(secondFactorJustSetUp);
    }

    private static boolean isRegeneratingAlready(AuthenticationSessionModel authSession) {
        return RecoveryAuthnCodesAction.PROVIDER_ID.equals(authSession.getClientNote(Constants.KC_ACTION))
                || authSession.getRequiredActions().contains(RecoveryAuthnCodesAction.PROVIDER_ID);
    }

    private static boolean codesActionEnabled(RealmModel realm) {
        var action = realm.getRequiredActionProviderByAlias(RecoveryAuthnCodesAction.PROVIDER_ID);
        return action != null && action.isEnabled();
    }

    @Override
    public void close() {
    }
}
