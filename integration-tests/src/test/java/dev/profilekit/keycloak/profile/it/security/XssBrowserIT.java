package dev.profilekit.keycloak.profile.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.keycloak.profile.it.apitoken.ApiTokenApi;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.AccountConsolePage;
import dev.profilekit.keycloak.profile.it.support.HeadlessChromiumExtension;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.MailServer;
import dev.profilekit.keycloak.profile.it.support.MailServer.Mail;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.GroupRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Script payloads in everything a user (or an admin) can name and the account console shows are rendered as text:
 * app-password names, API-token names, group names on the Profile page, and the names in the security-notification
 * mails. First and last name never hold them: Keycloak's user profile refuses such characters.
 */
@KeycloakIntegrationTest
@ExtendWith(HeadlessChromiumExtension.class)
class XssBrowserIT {

    private static final List<String> PAYLOADS = List.of(
            "<img src=x onerror=\"window.__pkXss=1\">",
            "\"><svg onload=window.__pkXss=1>",
            "{{7*7}} ${7*7}",
            "javascript:window.__pkXss=1");

    @Test
    void payloadsInNamesAreShownAsTextAndNeverRun(KeycloakServer server, TestUsers users, Keycloak admin, ChromeDriver driver) throws Exception {
        TestUser user = users.create("xss");
        String groupId = createGroup(users, PAYLOADS.get(1));
        try (MailServer mailbox = MailServer.start(admin)) {
            users.realm().users().get(user.id()).joinGroup(groupId);
            String consoleToken = new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(user.username(), user.password());
            AccountApi account = new AccountApi(server, consoleToken);
            ApiTokenApi apiTokens = new ApiTokenApi(server);
            for (String payload : PAYLOADS) {
                assertThat(account.post("app-passwords", Map.of("name", payload, "clientId", "mail")).status()).isEqualTo(201);
                assertThat(apiTokens.create(consoleToken, Map.of("name", payload, "scope", "read-only")).status()).isEqualTo(201);
            }

            AccountConsolePage console = new AccountConsolePage(driver, server).logIn(user.username(), user.password());
            assertInert(driver, console, "account-security/app-passwords", PAYLOADS);
            assertInert(driver, console, "account-security/api-tokens", PAYLOADS);
            assertInert(driver, console, "profile", List.of(PAYLOADS.get(1)));

            Mail created = mailbox.awaitMailTo(user.username() + "@example.org", mail -> mail.text().contains(PAYLOADS.get(0)));
            assertThat(created.html()).doesNotContain(PAYLOADS.get(0)).contains("&lt;img src=x onerror=");
        } finally {
            users.realm().groups().group(groupId).remove();
        }
    }

    @Test
    void keycloaksUserProfileRefusesMarkupInNames(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("xss-name");
        AccountApi account = AccountApi.logIn(server, user);

        for (String payload : PAYLOADS) {
            AccountApi.Answer answer = account.post("account/", Map.of(
                    "username", user.username(), "email", user.username() + "@example.org", "firstName", payload, "lastName", payload));
            assertThat(answer.status()).as(payload + ": " + answer.body()).isEqualTo(400);
        }
        assertThat(users.realm().users().get(user.id()).toRepresentation().getFirstName()).isEqualTo("Test");
    }

    private static void assertInert(ChromeDriver driver, AccountConsolePage console, String page, List<String> payloads) {
        console.open(page);
        console.await().until(browser -> payloads.stream().allMatch(driver.findElement(By.tagName("main")).getText()::contains));

        assertThat(driver.executeScript("return typeof window.__pkXss")).as(page).isEqualTo("undefined");
        assertThatThrownBy(() -> driver.switchTo().alert()).as(page).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElements(By.cssSelector("main img[src='x'], main svg[onload], main [onerror], a[href^='javascript:']"))).as(page).isEmpty();
    }

    private static String createGroup(TestUsers users, String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        try (Response response = users.realm().groups().add(group)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }
}
