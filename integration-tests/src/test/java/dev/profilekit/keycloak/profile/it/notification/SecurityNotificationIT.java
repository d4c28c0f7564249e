package dev.profilekit.keycloak.profile.it.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.LoginSession;
import dev.profilekit.keycloak.profile.it.support.LoopbackClient;
import dev.profilekit.keycloak.profile.it.support.MailServer;
import dev.profilekit.keycloak.profile.it.support.MailServer.Mail;
import dev.profilekit.keycloak.profile.it.support.RealmAttribute;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import dev.profilekit.keycloak.profile.notification.SecurityNotice;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;

/**
 * Security notices as users receive them: the demo realm (which lists the event listener) sends to a real SMTP server
 * (GreenMail). Callers come from chosen loopback addresses, so "a new address" is real. Every test ends by checking
 * that no mail it caused contains a secret. Where a test shows that something sends no mail, a later action that does
 * send one (a "sentinel") proves the earlier one would have arrived first: notices go out before the response.
 */
@KeycloakIntegrationTest
class SecurityNotificationIT {

    private static final String APP_PASSWORD_CREATED = "New app password created";
    private static final String APP_PASSWORD_NEW_IP = "App password used from a new address";
    private static final String API_TOKEN_CREATED = "New API token created";
    private static final String API_TOKEN_NEW_IP = "API token used from a new address";
    private static final String API_TOKEN_EXPIRING = "API token expires soon";
    private static final String PASSWORD_CHANGED = "Your password was changed";
    private static final String LAST_SECOND_FACTOR_REMOVED = "Two-factor authentication removed";
    private static final String RECOVERY_EMAIL_CHANGED = "Recovery email changed";
    private static final String RECOVERY_EMAIL_PATH = "recovery-email";
    private static final String TOKEN_PATH = "/realms/" + TestConfig.DEMO_REALM + "/protocol/openid-connect/token";

    private static MailServer mailbox;

    @BeforeAll
    static void startMailbox(Keycloak admin) {
        mailbox = MailServer.start(admin);
    }

    @AfterAll
    static void stopMailbox() {
        mailbox.close();
    }

    @Test
    void aNewAppPasswordIsMailedToThePrimaryAndTheConfirmedRecoveryAddressNotToAPendingOne(KeycloakServer server, TestUsers users)
            throws Exception {
        TestUser user = users.create("notify-ap");
        AccountApi api = AccountApi.logIn(server, user);
        String recovery = "rescue-" + user.username() + "@example.net";
        String pending = "pending-" + user.username() + "@example.net";
        confirmRecoveryEmail(api, recovery);
        // a confirmation ends the resend cooldown, so a second address can be asked for at once; it is never confirmed
        assertThat(api.put(RECOVERY_EMAIL_PATH, Map.of("email", pending)).status()).isEqualTo(200);
        int pendingMails = mailbox.mailsTo(pending).size();

        String password = createAppPassword(api, "Thunderbird on laptop");

        Mail primary = awaitSubject(primary(user), APP_PASSWORD_CREATED);
        Mail rescue = awaitSubject(recovery, APP_PASSWORD_CREATED);
        assertThat(primary.subject()).isEqualTo("[Profile Kit demo] " + APP_PASSWORD_CREATED);
        assertThat(primary.text()).contains("Hello Test,", "\"Thunderbird on laptop\" for Mail", "127.0.0.1", " UTC", "If this was not you");
        assertThat(primary.html()).contains("&quot;Thunderbird on laptop&quot; for Mail");
        assertThat(rescue.text()).isEqualTo(primary.text());
        assertThat(mailbox.mailsTo(pending)).as("a pending recovery address gets its confirmation mail only").hasSize(pendingMails);
        assertNoSecretIn(List.of(primary, rescue), password);
    }

    @Test
    void aConfirmedOrRemovedRecoveryAddressIsToldToThePrimaryAddress(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("notify-recovery");
        AccountApi api = AccountApi.logIn(server, user);
        String recovery = "rescue-" + user.username() + "@example.net";

        confirmRecoveryEmail(api, recovery);
        Mail changed = awaitSubject(primary(user), RECOVERY_EMAIL_CHANGED);
        assertThat(changed.text()).contains("recovery email address of your account was changed or removed");
        assertThat(mailbox.mailsTo(recovery)).as("the address that just confirmed itself hears nothing more")
                .noneMatch(mail -> mail.subject().contains(RECOVERY_EMAIL_CHANGED));

        assertThat(api.delete(RECOVERY_EMAIL_PATH).status()).isEqualTo(204);
        mailbox.awaitMailTo(primary(user), mail -> mailbox.mailsTo(primary(user)).stream()
                .filter(m -> m.subject().contains(RECOVERY_EMAIL_CHANGED)).count() == 2);
    }

    @Test
    void anAppPasswordIsReportedOnItsFirstUseFromEachAddressOnly(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("notify-ap-ip");
        AccountApi api = AccountApi.logIn(server, user);
        String password = createAppPassword(api, "Phone");
        LoopbackClient loopback = new LoopbackClient(server);

        assertThat(appPasswordGrant(loopback, "127.0.0.2", user, password).status()).isEqualTo(200);
        Mail first = awaitSubject(primary(user), APP_PASSWORD_NEW_IP);
        assertThat(first.text()).contains("\"Phone\" for Mail", "from 127.0.0.2");

        assertThat(appPasswordGrant(loopback, "127.0.0.2", user, password).status()).isEqualTo(200);
        assertThat(appPasswordGrant(loopback, "127.0.0.3", user, password).status()).isEqualTo(200);
        mailbox.awaitMailTo(primary(user), mail -> mail.text().contains("from 127.0.0.3"));
        createApiToken(api, "sentinel", null);
        mailbox.awaitMailTo(primary(user), mail -> mail.text().contains("\"sentinel\""));

        List<Mail> newIp = mailbox.mailsTo(primary(user)).stream().filter(mail -> mail.subject().contains(APP_PASSWORD_NEW_IP)).toList();
        assertThat(newIp).as("127.0.0.2 once, 127.0.0.3 once").hasSize(2);
        assertNoSecretIn(mailbox.mailsTo(primary(user)), password);
    }

    @Test
    void aNewApiTokenAndItsFirstUseFromAnAddressAreMailed(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("notify-token");
        AccountApi api = AccountApi.logIn(server, user);
        LoopbackClient loopback = new LoopbackClient(server);

        String token = createApiToken(api, "deploy bot", null);
        assertThat(awaitSubject(primary(user), API_TOKEN_CREATED).text()).contains("\"deploy bot\"", "from 127.0.0.1");

        assertThat(exchange(loopback, "127.0.0.4", token).status()).isEqualTo(200);
        assertThat(awaitSubject(primary(user), API_TOKEN_NEW_IP).text()).contains("\"deploy bot\"", "from 127.0.0.4");
        assertThat(exchange(loopback, "127.0.0.4", token).status()).isEqualTo(200);
        createApiToken(api, "sentinel", null);
        mailbox.awaitMailTo(primary(user), mail -> mail.text().contains("\"sentinel\""));

        assertThat(mailbox.mailsTo(primary(user))).filteredOn(mail -> mail.subject().contains(API_TOKEN_NEW_IP)).hasSize(1);
        assertNoSecretIn(mailbox.mailsTo(primary(user)), token);
    }

    @Test
    void aTokenThatExpiresWithinSevenDaysIsMailedOnce(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("notify-expiry");
        AccountApi api = AccountApi.logIn(server, user);
        Instant expiry = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        String token = createApiToken(api, "short-lived", expiry);

        Mail notice = awaitSubject(primary(user), API_TOKEN_EXPIRING);
        assertThat(notice.text()).contains("\"short-lived\" expires on " + java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC).format(expiry));
        Thread.sleep(12_000); // more than two runs of the 5 s check of the test server
        assertThat(mailbox.mailsTo(primary(user))).filteredOn(mail -> mail.subject().contains(API_TOKEN_EXPIRING)).hasSize(1);
        assertNoSecretIn(mailbox.mailsTo(primary(user)), token);
    }

    @Test
    void aPasswordChangedByTheUserOrResetByAnAdminIsMailedOnceEach(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("notify-pw");
        AccountActions account = new AccountActions(server, user);
        String newPassword = "another-horse-battery-staple";

        account.changePassword(newPassword);
        assertThat(awaitSubject(primary(user), PASSWORD_CHANGED).text()).contains("password of your account was changed", "from 127.0.0.1");

        CredentialRepresentation reset = new CredentialRepresentation();
        reset.setType(CredentialRepresentation.PASSWORD);
        reset.setValue("admin-chosen-horse-staple");
        reset.setTemporary(true);
        users.realm().users().get(user.id()).resetPassword(reset);
        mailbox.awaitMailTo(primary(user), mail -> mailbox.mailsTo(primary(user)).stream().filter(m -> m.subject().contains(PASSWORD_CHANGED)).count() == 2);

        createApiToken(new AccountApi(server, account.accessToken()), "sentinel", null);
        mailbox.awaitMailTo(primary(user), mail -> mail.text().contains("\"sentinel\""));
        assertThat(mailbox.mailsTo(primary(user))).as("one mail per change, not one per event Keycloak sends")
                .filteredOn(mail -> mail.subject().contains(PASSWORD_CHANGED)).hasSize(2);
        assertNoSecretIn(mailbox.mailsTo(primary(user)), newPassword);
        assertNoSecretIn(mailbox.mailsTo(primary(user)), "admin-chosen-horse-staple");
    }

    @Test
    void removingTheLastAuthenticatorAppIsMailedRemovingOneOfTwoIsNot(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("notify-otp");
        AccountActions account = new AccountActions(server, user);
        AccountApi api = new AccountApi(server, account.accessToken());
        account.addAuthenticatorApp("Phone");
        Thread.sleep(1000);
        account.addAuthenticatorApp("Tablet");
        List<String> otpIds = otpCredentialIds(api);
        assertThat(otpIds).hasSize(2);

        assertThat(api.delete("account/credentials/" + otpIds.get(0)).status()).isEqualTo(204);
        createApiToken(api, "sentinel", null);
        mailbox.awaitMailTo(primary(user), mail -> mail.text().contains("\"sentinel\""));
        assertThat(mailbox.mailsTo(primary(user))).as("one app left").noneMatch(mail -> mail.subject().contains(LAST_SECOND_FACTOR_REMOVED));

        assertThat(api.delete("account/credentials/" + otpIds.get(1)).status()).isEqualTo(204);
        assertThat(awaitSubject(primary(user), LAST_SECOND_FACTOR_REMOVED).text()).contains("last second factor", "from 127.0.0.1");
    }

    @Test
    void anAdminRemovingTheLastAuthenticatorAppIsMailedToo(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("notify-otp-admin");
        AccountActions account = new AccountActions(server, user);
        account.addAuthenticatorApp("Phone");
        String otpId = otpCredentialIds(new AccountApi(server, account.accessToken())).get(0);

        users.realm().users().get(user.id()).removeCredential(otpId);

        assertThat(awaitSubject(primary(user), LAST_SECOND_FACTOR_REMOVED).text()).contains("last second factor");
    }

    @Test
    void aKindSwitchedOffByItsRealmAttributeSendsNothing(KeycloakServer server, TestUsers users, Keycloak admin) throws Exception {
        TestUser user = users.create("notify-off");
        AccountApi api = AccountApi.logIn(server, user);
        try (RealmAttribute off = RealmAttribute.set(admin.realm(TestConfig.DEMO_REALM), SecurityNotice.APP_PASSWORD_CREATED.attribute(), "false")) {
            createAppPassword(api, "Silent");
            createApiToken(api, "sentinel", null);
            mailbox.awaitMailTo(primary(user), mail -> mail.text().contains("\"sentinel\""));
        }

        assertThat(mailbox.mailsTo(primary(user))).noneMatch(mail -> mail.subject().contains(APP_PASSWORD_CREATED));
        createAppPassword(api, "Loud");
        assertThat(awaitSubject(primary(user), APP_PASSWORD_CREATED).text()).as("back on once the attribute is gone").contains("\"Loud\"");
    }

    // --- helpers ---

    private static Mail awaitSubject(String address, String subjectPart) {
        return mailbox.awaitMailTo(address, mail -> mail.subject().contains(subjectPart));
    }

    /** Sets the user's recovery email the way the Profile page does, and opens the link of its confirmation mail. */
    private static void confirmRecoveryEmail(AccountApi api, String address) throws Exception {
        assertThat(api.put(RECOVERY_EMAIL_PATH, Map.of("email", address)).status()).isEqualTo(200);
        LoginSession.Page confirmed = new LoginSession().open(mailbox.awaitMailTo(address).actionTokenLink());
        assertThat(confirmed.body()).contains("Recovery email confirmed");
    }

    private static String primary(TestUser user) {
        return user.username() + "@example.org";
    }

    private static String createAppPassword(AccountApi api, String name) throws Exception {
        AccountApi.Answer created = api.post("app-passwords", Map.of("name", name, "clientId", "mail"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("password").asText();
    }

    private static String createApiToken(AccountApi api, String name, Instant expiresAt) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", "read-only");
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        body.put("name", name);
        AccountApi.Answer created = api.post("api-tokens", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("value").asText();
    }

    private static LoopbackClient.Answer appPasswordGrant(LoopbackClient loopback, String ip, TestUser user, String password) throws Exception {
        return loopback.postForm(ip, TOKEN_PATH, Map.of("grant_type", "password", "client_id", "mail",
                "username", user.username(), "password", password));
    }

    private static LoopbackClient.Answer exchange(LoopbackClient loopback, String ip, String token) throws Exception {
        return loopback.postForm(ip, TOKEN_PATH, Map.of("grant_type", "urn:profilekit:params:oauth:grant-type:api-token",
                "client_id", "api-cli", "api_token", token));
    }

    private static List<String> otpCredentialIds(AccountApi api) throws Exception {
        JsonNode types = api.get("account/credentials?type=otp").body();
        return StreamSupport.stream(types.spliterator(), false)
                .flatMap(type -> StreamSupport.stream(type.path("userCredentialMetadatas").spliterator(), false))
                .map(metadata -> metadata.at("/credential/id").asText())
                .toList();
    }

    /** Neither the secret nor any long piece of it appears in any mail, decoded or raw. */
    private static void assertNoSecretIn(List<Mail> mails, String secret) {
        assertThat(mails).isNotEmpty();
        String secretPart = secret.length() > 12 ? secret.substring(secret.length() - 12) : secret;
        for (Mail mail : mails) {
            assertThat(mail.subject() + mail.text() + mail.html()).as(mail.subject()).doesNotContain(secret).doesNotContain(secretPart);
        }
    }
}
