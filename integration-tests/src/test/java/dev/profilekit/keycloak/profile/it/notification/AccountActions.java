package dev.profilekit.keycloak.profile.it.notification;

import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.LoginSession;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import dev.profilekit.keycloak.profile.it.support.Totp;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the account console's "Signing in" page does, over HTTP: Keycloak's application-initiated actions
 * (update password, set up an authenticator app) in the user's logged-in browser session.
 */
final class AccountActions {

    /** Profile Kit offers recovery codes after the first second factor; these tests skip the offer. */
    private static final String RECOVERY_CODES_OFFER_FORM = "kc-recovery-codes-offer-form";

    private final AccountConsoleLogin login;
    private final LoginSession browser = new LoginSession();
    private final TestUser user;
    private final String accessToken;

    AccountActions(KeycloakServer server, TestUser user) throws IOException, InterruptedException {
        this.login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        this.user = user;
        this.accessToken = login.accessToken(browser, user.username(), user.password());
    }

    /** The account-console access token of this session. */
    String accessToken() {
        return accessToken;
    }

    /** Runs "Update password" (kc_action=UPDATE_PASSWORD) to completion. */
    void changePassword(String newPassword) throws IOException, InterruptedException {
        LoginSession.Page form = reauthenticateIfAsked(open("UPDATE_PASSWORD"));
        requireSuccess(browser.submit(form, "kc-passwd-update-form", Map.of("password-new", newPassword, "password-confirm", newPassword)));
    }

    /** Runs "Set up authenticator application" (kc_action=CONFIGURE_TOTP) with a code computed from the shown secret. */
    void addAuthenticatorApp(String label) throws IOException, InterruptedException {
        LoginSession.Page form = reauthenticateIfAsked(open("CONFIGURE_TOTP"));
        Map<String, String> fields = new LinkedHashMap<>(form.hiddenInputs()); // totpSecret, mode
        fields.put("totp", new Totp(fields.get("totpSecret")).nextCode());
        fields.put("userLabel", label);
        LoginSession.Page enrolled = browser.submit(form, "kc-totp-settings-form", fields);
        requireSuccess(enrolled.hasForm(RECOVERY_CODES_OFFER_FORM) ? browser.submit(enrolled, RECOVERY_CODES_OFFER_FORM, Map.of("skip", "")) : enrolled);
    }

    private LoginSession.Page open(String action) throws IOException, InterruptedException {
        return browser.open(login.authorizationUrl(AccountConsoleLogin.newVerifier(), Map.of("kc_action", action)));
    }

    private LoginSession.Page reauthenticateIfAsked(LoginSession.Page page) throws IOException, InterruptedException {
        return page.hasForm("kc-form-login")
                ? browser.submit(page, "kc-form-login", Map.of("username", user.username(), "password", user.password()))
                : page;
    }

    private static void requireSuccess(LoginSession.Page done) {
        boolean success = done.redirect().map(uri -> uri.getQuery() != null && uri.getQuery().contains("kc_action_status=success")).orElse(false);
        if (!success) {
            throw new IllegalStateException("Action did not succeed (HTTP " + done.status() + "): "
                    + done.redirect().map(Object::toString).orElse(done.body().substring(0, Math.min(done.body().length(), 2000))));
        }
    }
}
