package dev.profilekit.keycloak.profile.twofactor;

import java.util.Optional;
import java.util.function.Consumer;
import org.keycloak.authentication.CredentialRegistrator;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's own second-factor set-up actions (authenticator app, security key, passkey), unchanged, except for users
 * whose directory does their two-factor authentication: they get an information page instead, and an admin's "set up"
 * required action is dropped. Used by subclasses of Keycloak's action factories, which replace them under their own
 * ids (Keycloak's authenticators look these factories up by id and cast them to Keycloak's classes).
 */
final class DirectoryAwareSetup implements RequiredActionProvider, CredentialRegistrator {

    /** Added to Keycloak's order so our subclass wins over Keycloak's factory of the same id. */
    static final int ORDER_ABOVE_KEYCLOAK = 100;

    private final RequiredActionProvider keycloaks;

    DirectoryAwareSetup(RequiredActionProvider keycloaks) {
        this.keycloaks = keycloaks;
    }

    static void evaluateTriggers(RequiredActionContext context, Consumer<RequiredActionContext> keycloaks) {
        if (handledBy(context).isEmpty()) {
            keycloaks.accept(context);
        }
    }

    static void requiredActionChallenge(RequiredActionContext context, Consumer<RequiredActionContext> keycloaks) {
        Optional<String> directory = handledBy(context);
        if (directory.isEmpty()) {
            keycloaks.accept(context);
            return;
        }
        context.getUser().removeRequiredAction(context.getAction());
        context.getAuthenticationSession().removeRequiredAction(context.getAction());
        context.challenge(context.form()
                .setInfo("twoFactorHandledByDirectory", directory.get())
                .createInfoPage());
    }

    static void processAction(RequiredActionContext context, Consumer<RequiredActionContext> keycloaks) {
        if (handledBy(context).isEmpty()) {
            keycloaks.accept(context);
        } else {
            requiredActionChallenge(context, keycloaks);
        }
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        evaluateTriggers(context, keycloaks::evaluateTriggers);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        requiredActionChallenge(context, keycloaks::requiredActionChallenge);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        processAction(context, keycloaks::processAction);
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return keycloaks.initiatedActionSupport();
    }

    @Override
    public void initiatedActionCanceled(KeycloakSession session, AuthenticationSessionModel authSession) {
        keycloaks.initiatedActionCanceled(session, authSession);
    }

    @Override
    public int getMaxAuthAge(KeycloakSession session) {
        return keycloaks.getMaxAuthAge(session);
    }

    @Override
    public String getCredentialType(KeycloakSession session, AuthenticationSessionModel authenticationSession) {
        return keycloaks instanceof CredentialRegistrator registrator ? registrator.getCredentialType(session, authenticationSession) : null;
    }

    @Override
    public void close() {
        keycloaks.close();
    }

    private static Optional<String> handledBy(RequiredActionContext context) {
        return DirectoryTwoFactor.handledBy(context.getRealm(), context.getUser());
    }
}
