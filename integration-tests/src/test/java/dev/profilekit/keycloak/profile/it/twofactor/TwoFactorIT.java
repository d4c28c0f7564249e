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
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final String OFFER_FORM = "kc-recovery-codes-offer-form";

    @Test
    void aRejectedCodeExplainsClockSkewAndTheRightOneEnrolsTotpForTheNextLogin(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("totp");
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        LoginSession session = new LoginSession();
        login.accessToken(session, user.username(), user.password());

        LoginSession.Page setup = session.open(login.authorizationUrl(AccountConsoleLogin.newVerifier(), Map.of("kc_action", "CONFIGURE_TOTP")));
        String secret = setup.hiddenInputs().get("totpSecret");
        Totp app = new Totp(secret);
        LoginSession.Page rejected = session.submit(setup, TOTP_FORM, Map.of("totp", "000000", "totpSecret", secret, "userLabel", "Phone"));

        assertThat(rejected.body()).contains("the clock of your phone is probably off");

        LoginSession.Page enrolled = session.submit(rejected, TOTP_FORM, Map.of("totp", app.nextCode(), "totpSecret", secret, "userLabel", "Phone"));
        assertThat(enrolled.hasForm(OFFER_FORM)).as("recovery codes offered right after the first second factor").isTrue();
        LoginSession.Page skipped = session.submit(enrolled, OFFER_FORM, Map.of("skip", ""));
        assertThat(skipped.redirect()).hasValueSatisfying(uri -> assertThat(uri.getQuery()).contains("kc_action_status=success"));

        String token = logInWithTotp(login, new LoginSession(), user, app);
        assertThat(secondFactors(server, token).path("otp").asInt()).isEqualTo(1);
    }

    @Test
    void recoveryCodesNeedAFreshSecondFactorAndTheProfileCountsThem(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-codes");
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        Totp app = enrolTotp(login, user);
        LoginSession session = new LoginSession();
        String token = logInWithTotp(login, session, user, app);

        List<String> codes = setUpRecoveryCodes(login, session, user, app);

        assertThat(codes).hasSize(12);
        JsonNode factors = secondFactors(server, token);
        assertThat(factors.path("recoveryCodes").asBoolean()).isTrue();
        assertThat(factors.path("recoveryCodesRemaining").asInt()).isEqualTo(12);
        assertThat(factors.path("recoveryCodesWarningThreshold").asInt()).as("demo realm threshold").isEqualTo(5);
    }

    @Test
    void aRecoveryCodeSignsInOnceAndANewSetInvalidatesTheOldOne(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-login");
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        Totp app = enrolTotp(login, user);
        LoginSession session = new LoginSession();
        logInWithTotp(login, session, user, app);
        List<String> oldCodes = setUpRecoveryCodes(login, session, user, app);

        String token = logInWithRecoveryCode(login, user, oldCodes.get(0)).orElseThrow();
        assertThat(secondFactors(server, token).path("recoveryCodesRemaining").asInt()).isEqualTo(11);

        LoginSession fresh = new LoginSession();
        logInWithTotp(login, fresh, user, app);
        List<String> newCodes = setUpRecoveryCodes(login, fresh, user, app);

        assertThat(logInWithRecoveryCode(login, user, oldCodes.get(1))).as("old set no longer works").isEmpty();
        assertThat(logInWithRecoveryCode(login, user, newCodes.get(0))).as("new set works").isPresent();
    }

    @Test
    void withFewerCodesLeftThanTheThresholdTheLoginOffersANewSet(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("low-codes");
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        Totp app = enrolTotp(login, user);
        LoginSession session = new LoginSession();
        logInWithTotp(login, session, user, app);
        List<String> codes = setUpRecoveryCodes(login, session, user, app);
        for (String code : codes.subList(0, 7)) {
            assertThat(logInWithRecoveryCode(login, user, code)).as("5 or more left: no offer").isPresent();
        }

        LoginSession fresh = new LoginSession();
        String verifier = AccountConsoleLogin.newVerifier();
        LoginSession.Page offer = recoveryCodeLogin(login, fresh, user, verifier, codes.get(7));

        assertThat(offer.hasForm(OFFER_FORM)).as("4 codes left < threshold 5: a new set offered").isTrue();
        assertThat(offer.body()).contains("Only 4 recovery codes are left.");
        String token = login.exchange(fresh.submit(offer, OFFER_FORM, Map.of("skip", "")), verifier);
        assertThat(secondFactors(server, token).path("recoveryCodesRemaining").asInt()).as("skipping keeps the old set").isEqualTo(4);
    }

    @Test
    void aMemberOfThe2faRequiredGroupMustSetUpAnAuthenticatorAppAtTheNextLogin(TestUsers users, KeycloakServer server) throws Exception {
        TestUser user = users.create("mandatory-2fa");
        String groupId = users.realm().getGroupByPath("/2fa-required").getId();
        users.realm().users().get(user.id()).joinGroup(groupId);
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        LoginSession session = new LoginSession();
        String verifier = AccountConsoleLogin.newVerifier();

        LoginSession.Page afterPassword = session.submit(session.open(login.authorizationUrl(verifier, Map.of())), "kc-form-login",
                Map.of("username", user.username(), "password", user.password()));

        assertThat(afterPassword.hasForm(TOTP_FORM)).as("authenticator app setup forced").isTrue();
        String secret = afterPassword.hiddenInputs().get("totpSecret");
        Totp app = new Totp(secret);
        LoginSession.Page offer = session.submit(afterPassword, TOTP_FORM, Map.of("totp", app.nextCode(), "totpSecret", secret, "userLabel", "Phone"));
        assertThat(offer.hasForm(OFFER_FORM)).as("recovery codes offered right after the first second factor").isTrue();
        LoginSession.Page codes = session.submit(offer, OFFER_FORM, Map.of("generate", ""));
        LoginSession.Page done = session.submit(codes, "kc-recovery-codes-settings-form", codes.hiddenInputs());
        login.exchange(done, verifier);
        assertThat(hasRecoveryCodes(users, user)).as("codes generated during the login").isTrue();
        assertThat(logInWithTotp(login, new LoginSession(), user, app)).isNotBlank();
    }

    @Test
    void removingASecondFactorAsksForThePasswordAndASecondFactorAgain(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("remove-otp");
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        Totp app = enrolTotp(login, user);
        LoginSession session = new LoginSession();
        logInWithTotp(login, session, user, app);
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
        LoginSession.Page done = enrolled.hasForm(OFFER_FORM) ? session.submit(enrolled, OFFER_FORM, Map.of("skip", "")) : enrolled;
        assertThat(done.redirect()).as("TOTP enrolled").hasValueSatisfying(uri -> assertThat(uri.getQuery()).contains("kc_action_status=success"));
        return app;
    }

    /** Password, then TOTP, in {@code session} (which keeps the SSO cookies); returns the access token. */
    private static String logInWithTotp(AccountConsoleLogin login, LoginSession session, TestUser user, Totp app) throws Exception {
        String verifier = AccountConsoleLogin.newVerifier();
        LoginSession.Page password = session.open(login.authorizationUrl(verifier, Map.of()));
        LoginSession.Page otp = session.submit(password, "kc-form-login", Map.of("username", user.username(), "password", user.password()));
        assertThat(otp.hasForm(OTP_LOGIN_FORM)).as("TOTP asked at login").isTrue();
        return login.exchange(session.submit(otp, OTP_LOGIN_FORM, Map.of("otp", app.nextCode())), verifier);
    }

    /** Password, then "Try another way" → recovery code; the access token, or empty if the code was refused. */
    private static Optional<String> logInWithRecoveryCode(AccountConsoleLogin login, TestUser user, String code) throws Exception {
        String verifier = AccountConsoleLogin.newVerifier();
        LoginSession.Page end = recoveryCodeLogin(login, new LoginSession(), user, verifier, code);
        return end.redirect().isPresent() ? Optional.of(login.exchange(end, verifier)) : Optional.empty();
    }

    /** Password, "Try another way", recovery code: the page that follows (a redirect when the login is done). */
    private static LoginSession.Page recoveryCodeLogin(AccountConsoleLogin login, LoginSession session, TestUser user, String verifier,
                                                       String code) throws Exception {
        LoginSession.Page otp = session.submit(session.open(login.authorizationUrl(verifier, Map.of())), "kc-form-login",
                Map.of("username", user.username(), "password", user.password()));
        LoginSession.Page codePage = SecondFactorPages.chooseRecoveryCode(session, otp);
        return SecondFactorPages.enterRecoveryCode(session, codePage, code);
    }

    /**
     * Keycloak's own "Recovery Authentication Codes" action in a logged-in {@code session}: the demo realm asks for the
     * password and a second factor again first. Returns the new codes in the order Keycloak asks for them.
     */
    private static List<String> setUpRecoveryCodes(AccountConsoleLogin login, LoginSession session, TestUser user, Totp app) throws Exception {
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
        return List.of(generated.get("generatedRecoveryAuthnCodes").split(","));
    }

    private static JsonNode secondFactors(KeycloakServer server, String token) throws Exception {
        return new AccountApi(server, token).get("profile/me").body().path("secondFactors");
    }

    private static boolean hasRecoveryCodes(TestUsers users, TestUser user) {
        return users.realm().users().get(user.id()).credentials().stream().anyMatch(c -> "recovery-authn-codes".equals(c.getType()));
    }

    private static boolean hasOtp(TestUsers users, TestUser user) {
        return users.realm().users().get(user.id()).credentials().stream().anyMatch(c -> "otp".equals(c.getType()));
    }
}
