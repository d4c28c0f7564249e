package dev.profilekit.keycloak.profile.it.recoveryemail;

import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.LoginSession;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import java.io.IOException;
import java.util.Map;

/** Keycloak's "Forgot password?" on the login page of the account console, driven over HTTP. */
final class ForgotPassword {

    /** What Keycloak's login page says after any reset request (known user or not). */
    static final String EMAIL_SENT = "You should receive an email shortly with further instructions.";
    static final String NEW_PASSWORD = "brand-new-password-42";

    private final KeycloakServer server;
    private final LoginSession session = new LoginSession();

    ForgotPassword(KeycloakServer server) {
        this.server = server;
    }

    /** Opens the login page, follows "Forgot Password?" and submits {@code username}; returns the page shown then. */
    LoginSession.Page request(String username) throws IOException, InterruptedException {
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        LoginSession.Page loginPage = session.open(login.authorizationUrl(AccountConsoleLogin.newVerifier(), Map.of()));
        String reset = loginPage.link("/login-actions/reset-credentials")
                .orElseThrow(() -> new AssertionError("No 'Forgot password' link on the login page"));
        LoginSession.Page form = session.open(reset.startsWith("/") ? server.baseUrl() + reset : reset);
        return session.submit(form, "kc-reset-password-form", Map.of("username", username));
    }

    /** Follows a reset link from a mail in this browser session. */
    LoginSession.Page follow(String link) throws IOException, InterruptedException {
        return session.open(link);
    }

    /** Sets {@link #NEW_PASSWORD} on the update-password form the reset link opened. */
    LoginSession.Page setNewPassword(LoginSession.Page form) throws IOException, InterruptedException {
        return session.submit(form, "kc-passwd-update-form", Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
    }
}
