package dev.profilekit.keycloak.profile.it.recoveryemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profilekit.keycloak.profile.it.profilelock.ProfileLockSwitch;
import dev.profilekit.keycloak.profile.it.profilelock.SelfService;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.LoginSession;
import dev.profilekit.keycloak.profile.it.support.MailServer;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import jakarta.ws.rs.BadRequestException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;

/**
 * The recovery email against the real server and a real SMTP server: confirmation by mail, "Forgot password" sending
 * the reset link there (and only there), notices to the old address, validation, the profile lock, and the user
 * attributes surviving (and resisting) self-service profile updates.
 */
@KeycloakIntegrationTest
class RecoveryEmailIT {

    private MailServer mail;

    @BeforeEach
    void startMailServer(Keycloak admin) {
        mail = MailServer.start(admin);
    }

    @AfterEach
    void stopMailServer() {
        mail.close();
    }

    @Test
    void aNewAddressIsPendingUntilTheLinkInItsMailIsOpened(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-set");
        RecoveryEmails api = new RecoveryEmails(AccountApi.logIn(server, user));
        String address = recoveryAddress(user);

        AccountApi.Answer put = api.put(address);

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().path("pendingEmail").asText()).isEqualTo(address);
        assertThat(put.body().hasNonNull("email")).isFalse();
        assertThat(put.body().path("hostedDomainWarning").asBoolean()).isFalse();
        MailServer.Mail confirmation = mail.awaitMailTo(address);
        assertThat(confirmation.subject()).isEqualTo("Confirm your recovery email");
        assertThat(confirmation.text()).contains(address).contains(user.username()).contains("Profile Kit demo");
        assertThat(confirmation.html()).contains("Confirm the recovery email");
        assertThat(attribute(users, user, "recoveryEmail")).isNull();
        assertThat(attribute(users, user, "recoveryEmailPending")).isEqualTo(address);

        LoginSession.Page confirmed = new LoginSession().open(confirmation.actionTokenLink());

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Recovery email confirmed").contains(address);
        JsonNode state = api.get().body();
        assertThat(state.path("email").asText()).isEqualTo(address);
        assertThat(state.hasNonNull("pendingEmail")).isFalse();
        assertThat(attribute(users, user, "recoveryEmailPending")).isNull();
        assertThat(events(users, user, "SEND_VERIFY_EMAIL")).anySatisfy(event -> assertThat(event.getDetails())
                .containsEntry("email", address).containsEntry("attribute", "recoveryEmail"));
        assertThat(events(users, user, "UPDATE_PROFILE")).anySatisfy(event -> assertThat(event.getDetails())
                .containsEntry("updated_recoveryEmail", address));

        LoginSession.Page again = new LoginSession().open(confirmation.actionTokenLink());
        assertThat(again.status()).as("the link is single use").isEqualTo(400);
        assertThat(again.body()).doesNotContain("Recovery email confirmed");
    }

    @Test
    void forgotPasswordSendsTheResetLinkToTheRecoveryEmailOnlyAndTheLinkWorksOnce(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-reset");
        String address = recoveryAddress(user);
        confirm(server, user, address);
        int before = mail.count();
        ForgotPassword forgot = new ForgotPassword(server);

        LoginSession.Page sent = forgot.request(user.username());

        assertThat(sent.body()).contains(ForgotPassword.EMAIL_SENT).doesNotContain(address).doesNotContain(primary(user));
        MailServer.Mail reset = mail.awaitMailTo(address);
        assertThat(reset.subject()).isEqualTo("Reset password");
        assertThat(mail.count()).isEqualTo(before + 1);
        assertThat(mail.mailsTo(primary(user))).extracting(MailServer.Mail::subject).doesNotContain("Reset password");
        assertThat(events(users, user, "SEND_RESET_PASSWORD")).anySatisfy(event -> assertThat(event.getDetails())
                .containsEntry("email", address).containsEntry("recipient", "recovery_email"));

        LoginSession.Page passwordForm = forgot.follow(reset.actionTokenLink());
        assertThat(passwordForm.hasForm("kc-passwd-update-form")).as("update-password form").isTrue();
        LoginSession.Page done = forgot.setNewPassword(passwordForm);
        assertThat(done.redirect()).as("logged in after the reset").hasValueSatisfying(uri -> assertThat(uri.getQuery()).contains("code="));

        assertThat(new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(user.username(), ForgotPassword.NEW_PASSWORD)).isNotBlank();
        LoginSession.Page reused = new LoginSession().open(reset.actionTokenLink());
        assertThat(reused.hasForm("kc-passwd-update-form")).as("the reset link is single use").isFalse();
        assertThat(reused.body()).contains("Action expired.");
    }

    @Test
    void withoutARecoveryEmailTheResetLinkGoesToThePrimaryEmail(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-none");
        ForgotPassword forgot = new ForgotPassword(server);

        LoginSession.Page sent = forgot.request(user.username());

        assertThat(sent.body()).contains(ForgotPassword.EMAIL_SENT);
        MailServer.Mail reset = mail.awaitMailTo(primary(user));
        assertThat(reset.subject()).isEqualTo("Reset password");
        LoginSession.Page passwordForm = forgot.follow(reset.actionTokenLink());
        assertThat(passwordForm.hasForm("kc-passwd-update-form")).isTrue();
    }

    @Test
    void aPendingAddressIsNeverUsedForAReset(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-pending-reset");
        String address = recoveryAddress(user);
        new RecoveryEmails(AccountApi.logIn(server, user)).put(address);
        mail.awaitMailTo(address);

        new ForgotPassword(server).request(user.username());

        assertThat(mail.awaitMailTo(primary(user)).subject()).isEqualTo("Reset password");
        assertThat(mail.mailsTo(address)).hasSize(1);
    }

    @Test
    void anUnknownUserGetsTheSamePageAndNoMailGoesOut(KeycloakServer server, TestUsers users) throws Exception {
        TestUser known = users.create("recovery-known");
        confirm(server, known, recoveryAddress(known));
        LoginSession.Page knownPage = new ForgotPassword(server).request(known.username());
        mail.awaitMailTo(recoveryAddress(known));
        int before = mail.count();

        LoginSession.Page unknownPage = new ForgotPassword(server).request("nobody-" + known.username());

        Thread.sleep(1000);
        assertThat(mail.count()).as("no mail for an unknown user").isEqualTo(before);
        assertThat(unknownPage.status()).isEqualTo(knownPage.status());
        assertThat(unknownPage.body()).contains(ForgotPassword.EMAIL_SENT);
        assertThat(feedback(unknownPage)).isEqualTo(feedback(knownPage));
    }

    @Test
    void aConfirmedChangeAndARemovalAreToldToTheOldAddress(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-change");
        String first = recoveryAddress(user);
        String second = "second-" + first;
        RecoveryEmails api = confirm(server, user, first);

        AccountApi.Answer change = api.put(second);
        assertThat(change.body().path("email").asText()).as("the confirmed address stays in use").isEqualTo(first);
        assertThat(change.body().path("pendingEmail").asText()).isEqualTo(second);
        assertThat(mail.mailsTo(first)).extracting(MailServer.Mail::subject).doesNotContain("Your recovery email was changed");
        new LoginSession().open(mail.awaitMailTo(second).actionTokenLink());

        assertThat(api.get().body().path("email").asText()).isEqualTo(second);
        MailServer.Mail changed = mail.awaitMailTo(first);
        assertThat(changed.subject()).isEqualTo("Your recovery email was changed");
        assertThat(changed.text()).contains(first).doesNotContain(second);

        AccountApi.Answer removed = api.delete();

        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get().body().hasNonNull("email")).isFalse();
        assertThat(mail.awaitMailTo(second).subject()).isEqualTo("Your recovery email was removed");
        assertThat(attribute(users, user, "recoveryEmail")).isNull();
        assertThat(events(users, user, "UPDATE_PROFILE")).anySatisfy(event -> assertThat(event.getDetails())
                .containsEntry("previous_recoveryEmail", second));
    }

    @Test
    void backToTheConfirmedAddressCancelsAPendingChangeWithoutAMail(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-cancel");
        String first = recoveryAddress(user);
        RecoveryEmails api = confirm(server, user, first);
        api.put("other-" + first);
        int before = mail.count();

        AccountApi.Answer back = api.put(first.toUpperCase());

        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body().path("email").asText()).isEqualTo(first);
        assertThat(back.body().hasNonNull("pendingEmail")).isFalse();
        assertThat(mail.count()).isEqualTo(before);
    }

    @Test
    void theLinkOfAnAddressThatIsNoLongerPendingChangesNothing(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-stale");
        String address = recoveryAddress(user);
        RecoveryEmails api = new RecoveryEmails(AccountApi.logIn(server, user));
        api.put(address);
        String link = mail.awaitMailTo(address).actionTokenLink();
        assertThat(api.delete().status()).isEqualTo(204);

        LoginSession.Page page = new LoginSession().open(link);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("This confirmation link is no longer valid");
        assertThat(attribute(users, user, "recoveryEmail")).isNull();
    }

    @Test
    void badInputIsRefusedWithAMessageKeyAndChangesNothing(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-invalid");
        RecoveryEmails api = new RecoveryEmails(AccountApi.logIn(server, user));
        AccountApi raw = AccountApi.logIn(server, user);

        assertRefused(api.put("not-an-address"), "recoveryEmailInvalid");
        assertRefused(api.put("   "), "recoveryEmailInvalid");
        assertRefused(api.put("a@b.org\r\nBcc: victim@example.org"), "recoveryEmailInvalid");
        assertRefused(raw.put(RecoveryEmails.PATH, Map.of()), "recoveryEmailInvalid");
        assertRefused(raw.putJson(RecoveryEmails.PATH, "\"just a string\""), "recoveryEmailInvalid");
        assertRefused(raw.put(RecoveryEmails.PATH, Map.of("email", List.of("a@recovery.test"))), "recoveryEmailInvalid");
        assertRefused(raw.putJson(RecoveryEmails.PATH, "{not json"), "recoveryEmailInvalid");
        assertRefused(raw.putJson(RecoveryEmails.PATH, ""), "recoveryEmailInvalid");
        AccountApi.Answer tooLong = api.put("a@" + "b".repeat(260) + ".org");
        assertRefused(tooLong, "recoveryEmailTooLong");
        assertThat(tooLong.body().path("params").get(0).asInt()).isEqualTo(254);
        assertRefused(api.put(primary(user).toUpperCase()), "recoveryEmailSameAsPrimary");

        assertThat(mail.count()).isZero();
        assertThat(attribute(users, user, "recoveryEmailPending")).isNull();
        assertThat(api.get().body().hasNonNull("pendingEmail")).isFalse();
    }

    @Test
    void whenTheMailServerFailsTheRequestAnswers503AndChangesNothing(KeycloakServer server, TestUsers users, Keycloak admin) throws Exception {
        TestUser user = users.create("recovery-smtp-down");
        RecoveryEmails api = new RecoveryEmails(AccountApi.logIn(server, user));
        String address = recoveryAddress(user);
        mail.close();
        try {
            AccountApi.Answer answer = api.put(address);

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.errorMessage()).isEqualTo("recoveryEmailSendFailed");
            assertThat(attribute(users, user, "recoveryEmailPending")).isNull();
        } finally {
            mail = MailServer.start(admin);
        }

        assertThat(api.put(address).status()).as("a failed mail does not start the cooldown").isEqualTo(200);
        assertThat(mail.awaitMailTo(address).subject()).isEqualTo("Confirm your recovery email");
    }

    @Test
    void anAddressInAHostedDomainIsAcceptedWithAWarning(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-hosted");
        RecoveryEmails api = new RecoveryEmails(AccountApi.logIn(server, user));
        String hosted = "other-" + user.username() + "@mail.example.org";

        AccountApi.Answer answer = api.put(hosted);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("hostedDomainWarning").asBoolean()).as("demo realm hosts example.org").isTrue();
        assertThat(answer.body().path("pendingEmail").asText()).isEqualTo(hosted);
        assertThat(mail.awaitMailTo(hosted).subject()).isEqualTo("Confirm your recovery email");
    }

    @Test
    void aSecondConfirmationMailWithinTheCooldownIsRefused(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-cooldown");
        RecoveryEmails api = new RecoveryEmails(AccountApi.logIn(server, user));
        String first = recoveryAddress(user);
        api.put(first);
        mail.awaitMailTo(first);

        AccountApi.Answer second = api.put("second-" + first);

        assertRefused(second, "recoveryEmailTooSoon");
        assertThat(second.body().path("params").get(0).asInt()).isEqualTo(30);
        assertThat(api.get().body().path("pendingEmail").asText()).isEqualTo(first);
        assertThat(mail.mailsTo("second-" + first)).isEmpty();
    }

    @Test
    void withTheLockOnTheRecoveryEmailCannotBeChanged(KeycloakServer server, TestUsers users, Keycloak admin) throws Exception {
        TestUser user = users.create("recovery-locked");
        String address = recoveryAddress(user);
        RecoveryEmails api = confirm(server, user, address);
        try (ProfileLockSwitch lock = new ProfileLockSwitch(admin)) {
            lock.set(true);
            int before = mail.count();

            assertRefused(api.put("new-" + address), "profileLockedByAdmin");
            assertRefused(api.delete(), "profileLockedByAdmin");

            assertThat(api.get().body().path("email").asText()).isEqualTo(address);
            assertThat(mail.count()).isEqualTo(before);
            JsonNode me = new SelfService(AccountApi.logIn(server, user)).me().body();
            assertThat(me.path("lock").path("attributes")).extracting(JsonNode::asText).contains("recoveryEmail");
            LoginSession.Page sent = new ForgotPassword(server).request(user.username());
            assertThat(sent.body()).contains(ForgotPassword.EMAIL_SENT);
            assertThat(mail.awaitMailTo(address).subject()).as("a locked recovery email is still used").isEqualTo("Reset password");
        }
    }

    @Test
    void aLinkOpenedAfterTheLockWasSwitchedOnChangesNothing(KeycloakServer server, TestUsers users, Keycloak admin) throws Exception {
        TestUser user = users.create("recovery-lock-later");
        String address = recoveryAddress(user);
        new RecoveryEmails(AccountApi.logIn(server, user)).put(address);
        String link = mail.awaitMailTo(address).actionTokenLink();
        try (ProfileLockSwitch lock = new ProfileLockSwitch(admin)) {
            lock.set(true);

            LoginSession.Page page = new LoginSession().open(link);

            assertThat(page.status()).isEqualTo(400);
            assertThat(page.body()).contains("Your administrator has locked profile changes.");
            assertThat(attribute(users, user, "recoveryEmail")).isNull();
        }
    }

    @Test
    void theAttributesSurviveTheUsersOwnProfileUpdateAndUsersCannotWriteThem(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-survives");
        String address = recoveryAddress(user);
        confirm(server, user, address);
        SelfService self = new SelfService(AccountApi.logIn(server, user));

        assertThat(self.update(Map.of("firstName", "Ada")).status()).isEqualTo(204);

        assertThat(users.realm().users().get(user.id()).toRepresentation().getFirstName()).isEqualTo("Ada");
        assertThat(attribute(users, user, "recoveryEmail")).isEqualTo(address);

        UPConfig original = users.realm().users().userProfile().getConfiguration();
        try {
            UPConfig open = users.realm().users().userProfile().getConfiguration();
            open.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ENABLED);
            users.realm().users().userProfile().update(open);
            AccountApi account = AccountApi.logIn(server, user);
            ObjectNode me = (ObjectNode) account.get("account/?userProfileMetadata=false").body();
            ObjectNode attributes = me.has("attributes") ? (ObjectNode) me.get("attributes") : me.putObject("attributes");
            attributes.putArray("recoveryEmail").add("attacker@evil.test");

            AccountApi.Answer forged = account.post("account/", me.toString());

            assertThat(forged.status()).isEqualTo(400);
            assertThat(attribute(users, user, "recoveryEmail")).isEqualTo(address);
            assertThat(new SelfService(account).update(Map.of("lastName", "Lovelace")).status()).isEqualTo(204);
            assertThat(attribute(users, user, "recoveryEmail")).isEqualTo(address);
        } finally {
            users.realm().users().userProfile().update(original);
        }
    }

    @Test
    void adminsSeeTheAttributesAndMayCorrectOrClearThem(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("recovery-admin");
        String address = recoveryAddress(user);
        RecoveryEmails api = confirm(server, user, address);
        api.put("pending-" + address);
        UserResource resource = users.realm().users().get(user.id());

        UserRepresentation withMetadata = resource.toRepresentation(true);

        assertThat(withMetadata.getAttributes()).containsEntry("recoveryEmail", List.of(address))
                .containsEntry("recoveryEmailPending", List.of("pending-" + address));
        assertThat(withMetadata.getUserProfileMetadata().getAttributeMetadata("recoveryEmail").getDisplayName()).isEqualTo("Recovery email");

        UserRepresentation console = resource.toRepresentation();
        console.setFirstName("Grace");
        resource.update(console);
        assertThat(attribute(users, user, "recoveryEmail")).as("an admin edit of other fields keeps it").isEqualTo(address);

        UserRepresentation invalid = resource.toRepresentation();
        invalid.getAttributes().put("recoveryEmail", List.of("not an address"));
        assertThatThrownBy(() -> resource.update(invalid)).isInstanceOf(BadRequestException.class);
        assertThat(attribute(users, user, "recoveryEmail")).isEqualTo(address);

        UserRepresentation cleared = resource.toRepresentation();
        cleared.getAttributes().put("recoveryEmail", List.of());
        cleared.getAttributes().put("recoveryEmailPending", List.of());
        resource.update(cleared);

        assertThat(attribute(users, user, "recoveryEmail")).isNull();
        assertThat(attribute(users, user, "recoveryEmailPending")).isNull();
        assertThat(resource.toRepresentation().getFirstName()).isEqualTo("Grace");
    }

    @Test
    void withoutABearerTokenTheApiAnswers401(KeycloakServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/realms/" + TestConfig.DEMO_REALM + "/" + RecoveryEmails.PATH)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** Sets {@code address} and opens the confirmation link; returns the user's API. */
    private RecoveryEmails confirm(KeycloakServer server, TestUser user, String address) throws IOException, InterruptedException {
        RecoveryEmails api = new RecoveryEmails(AccountApi.logIn(server, user));
        assertThat(api.put(address).status()).isEqualTo(200);
        LoginSession.Page confirmed = new LoginSession().open(mail.awaitMailTo(address).actionTokenLink());
        assertThat(confirmed.body()).contains("Recovery email confirmed");
        return api;
    }

    private static void assertRefused(AccountApi.Answer answer, String messageKey) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.errorMessage()).isEqualTo(messageKey);
    }

    private static String recoveryAddress(TestUser user) {
        return user.username() + "@recovery.test";
    }

    private static String primary(TestUser user) {
        return user.username() + "@example.org";
    }

    private static String attribute(TestUsers users, TestUser user, String name) {
        Map<String, List<String>> attributes = users.realm().users().get(user.id()).toRepresentation().getAttributes();
        List<String> values = attributes == null ? null : attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static List<EventRepresentation> events(TestUsers users, TestUser user, String type) {
        return users.realm().getEvents(List.of(type), null, user.id(), null, null, null, 0, 20);
    }

    /** The message Keycloak's login page shows after a reset request. */
    private static String feedback(LoginSession.Page page) {
        int at = page.body().indexOf(ForgotPassword.EMAIL_SENT);
        return at < 0 ? "" : page.body().substring(Math.max(0, at - 200), at + ForgotPassword.EMAIL_SENT.length());
    }
}
