package dev.profilekit.keycloak.profile.twofactor;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** True when Keycloak handles the user's second factor, false for users of a directory that does its own 2FA. */
final class DirectoryTwoFactorCondition implements ConditionalAuthenticator {

    static final DirectoryTwoFactorCondition INSTANCE = new DirectoryTwoFactorCondition();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        return DirectoryTwoFactor.handledBy(context.getRealm(), context.getUser()).isEmpty();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
