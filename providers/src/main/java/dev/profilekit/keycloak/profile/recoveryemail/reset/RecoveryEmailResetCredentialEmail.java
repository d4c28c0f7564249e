package dev.profilekit.keycloak.profile.recoveryemail.reset;

import dev.profilekit.keycloak.profile.common.mail.ProfileMail;
import dev.profilekit.keycloak.profile.common.mail.ProfileMailer;
import dev.profilekit.keycloak.profile.recoveryemail.RecoveryEmailAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.actiontoken.resetcred.ResetCredentialsActionToken;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.resetcred.ResetCredentialEmail;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.DefaultActionTokenKey;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionCompoundId;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's "Send Reset Email" step, except that the link goes to the user's confirmed recovery email when there is
 * one (else, unchanged, to the primary email). The link is Keycloak's own reset-credentials action token with its
 * expiry and single use; it names the primary email (or none), which Keycloak checks when it is followed. Whatever
 * happens, the page says what Keycloak's says ("You should receive an email shortly"), so it tells nobody whether
 * the user exists or where the mail went. Event: {@code SEND_RESET_PASSWORD} with {@code email} = the address used
 * and {@code recipient} = {@value #RECIPIENT_RECOVERY_EMAIL}.
 */
public final class RecoveryEmailResetCredentialEmail extends ResetCredentialEmail {

    public static final String PROVIDER_ID = "reset-credential-email-recovery";
    static final String DETAIL_RECIPIENT = "recipient";
    static final String RECIPIENT_RECOVERY_EMAIL = "recovery_email";

    private static final Logger LOG = Logger.getLogger(RecoveryEmailResetCredentialEmail.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        Optional<String> recoveryEmail = user == null ? Optional.empty() : RecoveryEmailAttributes.verified(user);
        if (recoveryEmail.isEmpty() || returningFromTheLink(context, user)) {
            super.authenticate(context);
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String username = authSession.getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        int validityInSecs = context.getRealm().getActionTokenGeneratedByUserLifespan(ResetCredentialsActionToken.TOKEN_TYPE);
        ResetCredentialsActionToken token = new ResetCredentialsActionToken(user.getId(), user.getEmail(),
                Time.currentTime() + validityInSecs,
                AuthenticationSessionCompoundId.fromAuthSession(authSession).getEncodedId(),
                authSession.getClient().getClientId());
        String link = context.getActionTokenUrl(token.serialize(context.getSession(), context.getRealm(), context.getUriInfo())).toString();
        try {
            new ProfileMailer(context.getSession(), context.getRealm(), user).send(
                    ProfileMail.of("passwordResetSubject", "password-reset.ftl").withLink(link, Duration.ofSeconds(validityInSecs)),
                    recoveryEmail.get());
            context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD)
                    .user(user)
                    .detail(Details.USERNAME, username)
                    .detail(Details.EMAIL, recoveryEmail.get())
                    .detail(DETAIL_RECIPIENT, RECIPIENT_RECOVERY_EMAIL)
                    .detail(Details.CODE_ID, authSession.getParentSession().getId())
                    .success();
        } catch (EmailException e) {
            LOG.warnf(e, "Could not send the password reset mail of user %s to their recovery email", user.getId());
            context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD)
                    .user(user)
                    .detail(Details.USERNAME, username)
                    .detail(DETAIL_RECIPIENT, RECIPIENT_RECOVERY_EMAIL)
                    .detail(Details.REASON, e.getMessage())
                    .error(Errors.EMAIL_SEND_FAILED);
        }
        context.forkWithSuccessMessage(new FormMessage(Messages.EMAIL_SENT));
    }

    /** The user followed the reset link and is back in this flow: Keycloak's own step lets them through. */
    private static boolean returningFromTheLink(AuthenticationFlowContext context, UserModel user) {
        return Objects.equals(user.getId(), context.getAuthenticationSession().getAuthNote(DefaultActionTokenKey.ACTION_TOKEN_USER_ID));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Send Reset Email (recovery email first)";
    }

    @Override
    public String getHelpText() {
        return "Sends the reset link to the user's confirmed recovery email if they have one, else to their email, "
                + "and waits for the user to follow it.";
    }
}
