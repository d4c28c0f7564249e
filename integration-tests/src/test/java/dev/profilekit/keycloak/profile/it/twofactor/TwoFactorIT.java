package dev.profilekit.keycloak.profile.it.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.LoginSession;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import dev.profilekit.keycloak.profile.it.support.Totp;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;

/**
 * Keycloak's own TOTP and recovery codes as the demo realm configures them: the clock-skew hint on a rejected code,
 * password + TOTP at login, recovery codes only after a fresh second-factor check, and removing a second factor only
 * after the password and a second factor again. All over HTTP through Keycloak's login pages.
 */
@KeycloakIntegrationTest
class TwoFactorIT {

    private static final String TOTP_FORM = "kc-totp-settings-form";
    private static final String OTP_LOGIN_FORM = "kc-otp-login-form";

    @Test
    void aRejectedCodeExplainsClockSkewAndTheRightOneEnrolsTotpForTheNextLogin(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("totp");
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        LoginSession session = new LoginSession();
        login.accessToken(session, user.username(), user.password());

        LoginSession.Page setup = session.open(login.authorizationUrl(AccountConsoleLogin.newVerifier(), Map.of("kc_action", "CONFIGURE_TOTP")));
        String secret = setup.hiddenInputs().get("totpSecret");
        Totp app = new Totp(secret);
        String wrongCode = app.nextCode().equals("123456") ? "654321" : "123456";
        LoginSession.Page rejected = session.submit(setup, TOTP_FORM, Map.of("totp", wrongCode, "totpSecret", secret, "userLabel", "Phone"));

        assertThat(rejected.body()).contains("the clock of your phone is probably off");

        LoginSession.Page enrolled = session.submit(rejected, TOTP_FORM, Map.of("totp", app.nextCode(), "totpSecret", secret, "userLabel", "Phone"));
        assertThat(enrolled.redirect()).hasValueSatisfying(uri -> assertThat(uri.getQuery()).contains("kc_action_status=success"));

        String token = logInWithTotp(login, user, app);
        assertThat(secondFactors(server, token).path("otp").asInt()).isEqualTo(1);
    }

    @Test
    void recoveryCodesNeedAFreshSecondFactorAndTheProfileCountsThem(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-codes");
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        Totp app = enrolTotp(login, user);
        LoginSession session = new LoginSession();
        String verifier = AccountConsoleLogin.newVerifier();
        LoginSession.Page otp = session.submit(session.open(login.authorizationUrl(verifier, Map.of())), "kc-form-login",
                Map.of("username", user.username(), "password", user.password()));
        String token = login.exchange(session.submit(otp, OTP_LOGIN_FORM, Map.of("otp", app.nextCode())), verifier);
        LoginSession.waitUntilTheLoginIsOlderThanZeroSeconds();

        LoginSession.Page reauthentication = session.open(login.authorizationUrl(AccountConsoleLogin.newVerifier(),
                Map.of("kc_action", "CONFIGURE_RECOVERY_AUTHN_CODES")));
        assertThat(reauthentication.hasForm("kc-form-login")).as("password asked again").isTrue();
        LoginSession.Page secondFactor = session.submit(reauthentication, "kc-form-login", Map.of("username", user.username(), "password", user.password()));
        assertThat(secondFactor.hasForm(OTP_LOGIN_FORM)).as("second factor asked again").isTrue();
        LoginSession.Page codes = session.submit(secondFactor, OTP_LOGIN_FORM, Map.of("otp", app.nextCode()));
        Map<String, String> generated = new HashMap<>(codes.hiddenInputs());
        assertThat(generated).containsKey("generatedRecoveryAuthnCodes");
        LoginSession.Page saved = session.submit(codes, "kc-recovery-codes-settings-form", generated);

        assertThat(saved.redirect()).hasValueSatisfying(uri -> assertThat(uri.getQuery()).contains("kc_action_status=success"));
        JsonNode factors = secondFactors(server, token);
        assertThat(factors.path("recoveryCodes").asBoolean()).isTrue();
        assertThat(factors.path("recoveryCodesRemaining").asInt()).isEqualTo(12);
        assertThat(factors.path("recoveryCodesWarningThreshold").asInt()).as("demo realm threshold").isEqualTo(5);
    }

    @Test
    void removingASecondFactorAsksForThePasswordAndASecondFactorAgain(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("remove-otp");
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        Totp app = enrolTotp(login, user);
        LoginSession session = new LoginSession();
        String verifier = AccountConsoleLogin.newVerifier();
        LoginSession.Page otp = session.submit(session.open(login.authorizationUrl(verifier, Map.of())), "kc-form-login",
                Map.of("username", user.username(), "password", user.password()));
        login.exchange(session.submit(otp, OTP_LOGIN_FORM, Map.of("otp", app.nextCode())), verifier);
        String otpId = users.realm().users().get(user.id()).credentials().stream()
                .filter(c -> "otp".equals(c.getType())).map(CredentialRepresentation::getId).findFirst().orElseThrow();
        LoginSession.waitUntilTheLoginIsOlderThanZeroSeconds();

        LoginSession.Page reauthentication = session.open(login.authorizationUrl(AccountConsoleLogin.newVerifier(),
                Map.of("kc_action", "delete_credential:" + otpId)));

        assertThat(reauthentication.hasForm("kc-form-login")).as("password asked again").isTrue();
        assertThat(hasOtp(users, user)).as("nothing removed before re-authentication").isTrue();
        LoginSession.Page secondFactor = session.submit(reauthentication, "kc-form-login", Map.of("username", user.username(), "password", user.password()));
        assertThat(secondFactor.hasForm(OTP_LOGIN_FORM)).as("second factor asked again").isTrue();
        LoginSession.Page confirm = session.submit(secondFactor, OTP_LOGIN_FORM, Map.of("otp", app.nextCode()));
        assertThat(hasOtp(users, user)).as("nothing removed before confirmation").isTrue();
        Map<String, String> accept = new HashMap<>(confirm.hiddenInputs());
        accept.put("accept", "");
        LoginSession.Page removed = session.submit(confirm, accept);

        assertThat(removed.redirect()).hasValueSatisfying(uri -> assertThat(uri.getQuery()).contains("kc_action_status=success"));
        assertThat(hasOtp(users, user)).isFalse();
    }

    /** Enrols an authenticator app for {@code user} through Keycloak's own setup page and returns it. */
    private static Totp enrolTotp(AccountConsoleLogin login, TestUser user) throws Exception {
        LoginSession session = new LoginSession();
        login.accessToken(session, user.username(), user.password());
        LoginSession.Page setup = session.open(login.authorizationUrl(AccountConsoleLogin.newVerifier(), Map.of("kc_action", "CONFIGURE_TOTP")));
        String secret = setup.hiddenInputs().get("totpSecret");
        Totp app = new Totp(secret);
        LoginSession.Page enrolled = session.submit(setup, TOTP_FORM, Map.of("totp", app.nextCode(), "totpSecret", secret, "userLabel", "Phone"));
        assertThat(enrolled.redirect()).as("TOTP enrolled").hasValueSatisfying(uri -> assertThat(uri.getQuery()).contains("kc_action_status=success"));
        return app;
    }

    private static String logInWithTotp(AccountConsoleLogin login, TestUser user, Totp app) throws Exception {
        LoginSession session = new LoginSession();
        String verifier = AccountConsoleLogin.newVerifier();
        LoginSession.Page password = session.open(login.authorizationUrl(verifier, Map.of()));
        LoginSession.Page otp = session.submit(password, "kc-form-login", Map.of("username", user.username(), "password", user.password()));
        assertThat(otp.hasForm(OTP_LOGIN_FORM)).as("TOTP asked at login").isTrue();
        return login.exchange(session.submit(otp, OTP_LOGIN_FORM, Map.of("otp", app.nextCode())), verifier);
    }

    private static JsonNode secondFactors(KeycloakServer server, String token) throws Exception {
        return new AccountApi(server, token).get("profile/me").body().path("secondFactors");
    }

    private static boolean hasOtp(TestUsers users, TestUser user) {
        return users.realm().users().get(user.id()).credentials().stream().anyMatch(c -> "otp".equals(c.getType()));
    }
}
