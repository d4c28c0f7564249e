package dev.profilekit.keycloak.profile.it.profilelock;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The realm's "Lock user profiles" switch, enforced on every self-service path: the account REST API, the
 * UPDATE_PROFILE and UPDATE_EMAIL required actions. Admins keep full control.
 */
@KeycloakIntegrationTest
class ProfileLockIT {

    private ProfileLockSwitch lock;

    @BeforeEach
    void remember(Keycloak admin) {
        lock = new ProfileLockSwitch(admin);
    }

    @AfterEach
    void restore() {
        lock.close();
    }

    @Test
    void withTheLockOffAUserChangesTheirNames(KeycloakServer server, TestUsers users) throws Exception {
        lock.set(false);
        TestUser user = users.create("unlocked");
        SelfService self = new SelfService(AccountApi.logIn(server, user));

        AccountApi.Answer answer = self.update(Map.of("firstName", "Ada", "lastName", "Lovelace"));

        assertThat(answer.status()).isEqualTo(204);
        UserRepresentation stored = users.realm().users().get(user.id()).toRepresentation();
        assertThat(stored.getFirstName()).isEqualTo("Ada");
        assertThat(stored.getLastName()).isEqualTo("Lovelace");
        assertThat(self.me().body().hasNonNull("lock")).isFalse();
    }

    @Test
    void withTheLockOnTheAccountApiRefusesAndNothingChanges(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("locked");
        SelfService self = new SelfService(AccountApi.logIn(server, user));
        lock.set(true);

        AccountApi.Answer answer = self.update(Map.of("firstName", "Mallory", "lastName", "Changed"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(SelfService.errorKeys(answer)).contains("profileLockedByAdmin");
        UserRepresentation stored = users.realm().users().get(user.id()).toRepresentation();
        assertThat(stored.getFirstName()).isEqualTo("Test");
        assertThat(stored.getLastName()).isEqualTo("User");
    }

    @Test
    void withTheLockOnTheUserCanStillSaveUnchangedDetailsAndTheirLanguage(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("locked-locale");
        SelfService self = new SelfService(AccountApi.logIn(server, user));
        lock.set(true);

        AccountApi.Answer answer = self.update(Map.of("firstName", "Test"));

        assertThat(answer.status()).isEqualTo(204);
    }

    @Test
    void withTheLockOnAnAdminStillChangesTheUser(TestUsers users) {
        TestUser user = users.create("admin-edits");
        lock.set(true);
        UserResource resource = users.realm().users().get(user.id());
        UserRepresentation update = resource.toRepresentation();
        update.setFirstName("Grace");
        update.setEmail("grace-" + user.username() + "@example.org");

        resource.update(update);

        UserRepresentation stored = resource.toRepresentation();
        assertThat(stored.getFirstName()).isEqualTo("Grace");
        assertThat(stored.getEmail()).isEqualTo("grace-" + user.username() + "@example.org");
    }

    @Test
    void theProfileSummaryNamesTheLock(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("summary");
        SelfService self = new SelfService(AccountApi.logIn(server, user));
        lock.set(true);

        JsonNode me = self.me().body();

        assertThat(me.path("lock").path("reason").asText()).isEqualTo("admin");
        assertThat(me.path("lock").path("attributes")).extracting(JsonNode::asText).containsExactly("firstName", "lastName", "email", "recoveryEmail");
        assertThat(me.path("emailChangeAction").asBoolean()).as("demo realm changes email through UPDATE_EMAIL").isTrue();
    }

    @Test
    void theUpdateProfileActionShowsLockedFieldsReadOnlyAndIgnoresAForgedPost(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("update-profile");
        UserResource resource = users.realm().users().get(user.id());
        UserRepresentation withAction = resource.toRepresentation();
        withAction.setRequiredActions(List.of("UPDATE_PROFILE"));
        resource.update(withAction);
        lock.set(true);
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        LoginSession session = new LoginSession();
        LoginSession.Page loginPage = session.open(login.authorizationUrl(AccountConsoleLogin.newVerifier(), Map.of()));

        LoginSession.Page form = session.submit(loginPage, "kc-form-login", Map.of("username", user.username(), "password", user.password()));

        assertThat(form.hasForm("kc-update-profile-form")).as("update-profile form").isTrue();
        assertThat(form.input("firstName")).hasValueSatisfying(input -> assertThat(input).containsAnyOf("disabled", "readonly"));
        assertThat(form.input("lastName")).hasValueSatisfying(input -> assertThat(input).containsAnyOf("disabled", "readonly"));

        LoginSession.Page forged = session.submit(form, "kc-update-profile-form", Map.of(
                "username", user.username(),
                "email", "forged-" + user.username() + "@example.org",
                "firstName", "Forged",
                "lastName", "Name"));

        UserRepresentation stored = resource.toRepresentation();
        assertThat(stored.getFirstName()).isEqualTo("Test");
        assertThat(stored.getLastName()).isEqualTo("User");
        assertThat(stored.getEmail()).isEqualTo(user.username() + "@example.org");
        assertThat(forged.body()).contains("Your administrator has locked profile changes.");
    }

    @Test
    void changingTheEmailAsksForThePasswordAgain(KeycloakServer server, TestUsers users) throws Exception {
        lock.set(false);
        TestUser user = users.create("email-change");
        String newEmail = "new-" + user.username() + "@example.org";
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        LoginSession session = new LoginSession();
        login.accessToken(session, user.username(), user.password());
        LoginSession.waitUntilTheLoginIsOlderThanZeroSeconds();
        String verifier = AccountConsoleLogin.newVerifier();

        LoginSession.Page reauthentication = session.open(login.authorizationUrl(verifier, Map.of("kc_action", "UPDATE_EMAIL")));
        assertThat(reauthentication.hasForm("kc-form-login")).as("password asked again").isTrue();
        LoginSession.Page emailForm = session.submit(reauthentication, "kc-form-login", Map.of("username", user.username(), "password", user.password()));
        LoginSession.Page done = session.submit(emailForm, "kc-update-email-form", Map.of("email", newEmail));

        assertThat(done.redirect()).hasValueSatisfying(uri -> assertThat(uri.getQuery()).contains("kc_action_status=success"));
        assertThat(users.realm().users().get(user.id()).toRepresentation().getEmail()).isEqualTo(newEmail);
    }

    @Test
    void withTheLockOnTheUpdateEmailActionChangesNothing(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("email-locked");
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        LoginSession session = new LoginSession();
        login.accessToken(session, user.username(), user.password());
        lock.set(true);
        LoginSession.waitUntilTheLoginIsOlderThanZeroSeconds();

        LoginSession.Page reauthentication = session.open(login.authorizationUrl(AccountConsoleLogin.newVerifier(), Map.of("kc_action", "UPDATE_EMAIL")));
        LoginSession.Page emailForm = session.submit(reauthentication, "kc-form-login", Map.of("username", user.username(), "password", user.password()));
        if (emailForm.hasForm("kc-update-email-form")) {
            session.submit(emailForm, "kc-update-email-form", Map.of("email", "forged-" + user.username() + "@example.org"));
        }

        assertThat(users.realm().users().get(user.id()).toRepresentation().getEmail()).isEqualTo(user.username() + "@example.org");
    }
}
