package dev.profilekit.keycloak.profile.recoveryemail.token;

import dev.profilekit.keycloak.profile.recoveryemail.RecoveryEmailAttributes;
import dev.profilekit.keycloak.profile.recoveryemail.RecoveryEmailService;
import dev.profilekit.keycloak.profile.recoveryemail.RecoveryEmailService.Confirmation;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Confirms a recovery email from the link in its confirmation mail. Keycloak has already checked the signature, the
 * expiry, that the token was not used before and that the user exists and is enabled. The token is spent here in
 * Keycloak's cluster-wide single-use store, so a second click (on any node) is refused. The answer is a page of the
 * login theme; the user event is {@code UPDATE_PROFILE} with {@code previous_recoveryEmail} / {@code updated_recoveryEmail}.
 */
public final class RecoveryEmailActionTokenHandler extends AbstractActionTokenHandler<RecoveryEmailActionToken> {

    static final String LINK_INVALID = "recoveryEmailLinkInvalid";

    /** As Keycloak when it spends an action token: a little longer than the token lives. */
    private static final long CLOCK_SKEW_SECONDS = 60;

    public RecoveryEmailActionTokenHandler() {
        super(RecoveryEmailActionToken.TOKEN_TYPE, RecoveryEmailActionToken.class, LINK_INVALID, EventType.UPDATE_PROFILE,
                Errors.INVALID_TOKEN);
    }

    @Override
    public boolean canUseTokenRepeatedly(RecoveryEmailActionToken token, ActionTokenContext<RecoveryEmailActionToken> tokenContext) {
        return false;
    }

    @Override
    public Response handleToken(RecoveryEmailActionToken token, ActionTokenContext<RecoveryEmailActionToken> tokenContext) {
        KeycloakSession session = tokenContext.getSession();
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        UserModel user = authSession.getAuthenticatedUser();
        EventBuilder event = tokenContext.getEvent().event(EventType.UPDATE_PROFILE).user(user)
                .detail(Details.EMAIL, token.getRecoveryEmail())
                .detail(Details.ACTION, RecoveryEmailActionToken.TOKEN_TYPE);
        LoginFormsProvider forms = session.getProvider(LoginFormsProvider.class).setAuthenticationSession(authSession).setUser(user);

        long lifespan = Math.max(token.getExp() - Time.currentTime(), 0) + CLOCK_SKEW_SECONDS;
        if (!session.revokedTokens().put(token.serializeKey(), lifespan)) {
            event.error(Errors.EXPIRED_CODE);
            return forms.setError(Messages.EXPIRED_ACTION).createErrorPage(Response.Status.BAD_REQUEST);
        }

        Confirmation confirmation = new RecoveryEmailService(session, tokenContext.getRealm()).confirm(user, token.getRecoveryEmail());
        switch (confirmation.outcome()) {
            case CONFIRMED -> {
                event.detail(Details.PREF_PREVIOUS + RecoveryEmailAttributes.VERIFIED, confirmation.previous())
                        .detail(Details.PREF_UPDATED + RecoveryEmailAttributes.VERIFIED, token.getRecoveryEmail())
                        .success();
                return forms.setAttribute("messageHeader", forms.getMessage("recoveryEmailConfirmedTitle"))
                        .setSuccess("recoveryEmailConfirmed", token.getRecoveryEmail())
                        .createInfoPage();
            }
            case ALREADY_CONFIRMED -> {
                event.error(Errors.EMAIL_ALREADY_VERIFIED);
                return forms.setAttribute("messageHeader", forms.getMessage("recoveryEmailConfirmedTitle"))
                        .setInfo("recoveryEmailConfirmed", token.getRecoveryEmail())
                        .createInfoPage();
            }
            case LOCKED -> {
                event.error(Errors.NOT_ALLOWED);
                return forms.setError(confirmation.lock().messageKey(), RecoveryEmailAttributes.VERIFIED, confirmation.lock().directory())
                        .createErrorPage(Response.Status.BAD_REQUEST);
            }
            default -> {
                event.error(Errors.INVALID_TOKEN);
                return forms.setError(LINK_INVALID).createErrorPage(Response.Status.BAD_REQUEST);
            }
        }
    }
}
