package dev.profilekit.keycloak.profile.it.notification;

import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.LoginSession;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the account console's "Signing in" page does, over HTTP: Keycloak's application-initiated actions
 * (update password, set up an authenticator app) in the user's logged-in browser session.
 */
final class AccountActions {

    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");

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
        String secret = value(form, "totpSecret");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("totp", totp(secret, Instant.now()));
        fields.put("totpSecret", secret);
        fields.put("userLabel", label);
        form.input("mode").ifPresent(mode -> fields.put("mode", VALUE.matcher(mode).results().findFirst().orElseThrow().group(1)));
        requireSuccess(browser.submit(form, "kc-totp-settings-form", fields));
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

    private static String value(LoginSession.Page page, String inputId) {
        String input = page.input(inputId).orElseThrow(() -> new IllegalStateException("No input " + inputId + " on the page"));
        Matcher value = VALUE.matcher(input);
        if (!value.find()) {
            throw new IllegalStateException("Input " + inputId + " has no value");
        }
        return value.group(1);
    }

    /** RFC 6238 TOTP as the realm's default OTP policy has it: HMAC-SHA1, 6 digits, 30 s; Keycloak keys it with the secret's bytes. */
    static String totp(String secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
