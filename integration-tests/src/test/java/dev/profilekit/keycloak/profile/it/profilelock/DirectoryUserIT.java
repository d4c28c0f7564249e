package dev.profilekit.keycloak.profile.it.profilelock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.AccountConsolePage;
import dev.profilekit.keycloak.profile.it.support.Browsers;
import dev.profilekit.keycloak.profile.it.support.HeadlessChromiumExtension;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.LdapDirectory;
import dev.profilekit.keycloak.profile.it.support.LoginSession;
import dev.profilekit.keycloak.profile.it.support.RealmAttribute;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A user from an external directory (a real LDAP server) cannot change what the directory owns, whatever the realm's
 * lock switch says, and the Profile page names the directory; a local user of the same realm still can.
 */
@KeycloakIntegrationTest
@ExtendWith(HeadlessChromiumExtension.class)
class DirectoryUserIT {

    private static final String DIRECTORY = "Corporate LDAP";
    private static final String PASSWORD = "ldap-user-password";

    private static LdapDirectory ldap;
    private static ProfileLockSwitch lock;

    @BeforeAll
    static void startDirectory(Keycloak admin) throws Exception {
        ldap = LdapDirectory.start(admin.realm(TestConfig.DEMO_REALM), DIRECTORY);
        lock = new ProfileLockSwitch(admin);
        lock.set(false);
    }

    @AfterAll
    static void stopDirectory() {
        try {
            lock.close();
        } finally {
            ldap.close();
        }
    }

    @Test
    void aDirectoryUserSeesTheDirectoryAndCannotChangeTheirNames(KeycloakServer server, Keycloak admin) throws Exception {
        ldap.addPerson("ada", PASSWORD, "Ada", "Lovelace", "ada@example.org");
        SelfService self = new SelfService(new AccountApi(server,
                new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken("ada", PASSWORD)));

        JsonNode me = self.me().body();
        assertThat(me.path("accountSource").asText()).isEqualTo(DIRECTORY);
        assertThat(me.path("lock").path("reason").asText()).isEqualTo("directory");
        assertThat(me.path("lock").path("directory").asText()).isEqualTo(DIRECTORY);

        AccountApi.Answer answer = self.update(Map.of("firstName", "Augusta", "lastName", "King"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(SelfService.errorKeys(answer)).contains("profileManagedByDirectory");
        UserRepresentation stored = admin.realm(TestConfig.DEMO_REALM).users().search("ada", true).get(0);
        assertThat(stored.getFederationLink()).isEqualTo(ldap.componentId());
        assertThat(stored.getFirstName()).isEqualTo("Ada");
        assertThat(stored.getLastName()).isEqualTo("Lovelace");
    }

    @Test
    void aLocalUserOfTheSameRealmCanChangeTheirNames(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("local-next-to-ldap");
        SelfService self = new SelfService(AccountApi.logIn(server, user));

        assertThat(self.me().body().hasNonNull("accountSource")).isFalse();
        AccountApi.Answer answer = self.update(Map.of("firstName", "Local", "lastName", "Person"));

        assertThat(answer.status()).isEqualTo(204);
        assertThat(users.realm().users().get(user.id()).toRepresentation().getFirstName()).isEqualTo("Local");
    }

    @Test
    void theProfilePageNamesTheDirectoryAndShowsTheFieldsReadOnly(KeycloakServer server, ChromeDriver driver) throws Exception {
        ldap.addPerson("grace", PASSWORD, "Grace", "Hopper", "grace@example.org");
        AccountConsolePage console = new AccountConsolePage(driver, server).logIn("grace", PASSWORD);
        console.open("profile");

        assertThat(console.byTestId("profile-account-source").getText()).isEqualTo(DIRECTORY);
        assertThat(console.byTestId("profile-lock-reason").getText()).contains("Managed by " + DIRECTORY);
        assertThat(console.byTestId("profile-first-name").getAttribute("readonly")).isNotNull();
        assertThat(console.byTestId("profile-email-input").getAttribute("readonly")).isNotNull();
        driver.executeScript("arguments[0].scrollIntoView()", console.byTestId("profile-form-card"));
        Browsers.screenshot(driver, "profile-page-directory-user");
    }

    @Test
    void aDirectoryThatDoesItsOwnTwoFactorIsNeverAskedForKeycloaksSecondFactors(KeycloakServer server, Keycloak admin) throws Exception {
        ldap.addPerson("alan", PASSWORD, "Alan", "Turing", "alan@example.org");
        RealmResource realm = admin.realm(TestConfig.DEMO_REALM);
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        login.accessToken("alan", PASSWORD);
        String alanId = realm.users().search("alan", true).get(0).getId();
        realm.users().get(alanId).joinGroup(realm.getGroupByPath("/2fa-required").getId());
        try (RealmAttribute handledBy = RealmAttribute.set(realm, "profilekit.twoFactor.handledByDirectories", DIRECTORY)) {
            LoginSession session = new LoginSession();
            String token = login.accessToken(session, "alan", PASSWORD);

            assertThat(new AccountApi(server, token).get("profile/me").body().path("twoFactorHandledBy").asText())
                    .as("member of 2fa-required, yet not forced: the directory does 2FA").isEqualTo(DIRECTORY);
            LoginSession.Page setup = session.open(login.authorizationUrl(AccountConsoleLogin.newVerifier(), Map.of("kc_action", "CONFIGURE_TOTP")));
            assertThat(setup.hasForm("kc-totp-settings-form")).isFalse();
            assertThat(setup.body()).contains("Two-factor authentication for your account is handled by " + DIRECTORY);
        }
    }
}
