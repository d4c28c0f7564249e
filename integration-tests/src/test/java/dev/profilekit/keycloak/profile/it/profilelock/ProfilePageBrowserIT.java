package dev.profilekit.keycloak.profile.it.profilelock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.keycloak.profile.it.support.AccountConsolePage;
import dev.profilekit.keycloak.profile.it.support.Browsers;
import dev.profilekit.keycloak.profile.it.support.HeadlessChromiumExtension;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Headless Chromium on the Profile page: the header, editing names, and the locked state with its reason. */
@KeycloakIntegrationTest
@ExtendWith(HeadlessChromiumExtension.class)
class ProfilePageBrowserIT {

    @Test
    void theHeaderSummarisesTheAccountAndTheUserEditsTheirName(KeycloakServer server, TestUsers users, Keycloak admin, ChromeDriver driver) throws Exception {
        TestUser user = users.create("profile-page");
        try (ProfileLockSwitch lock = new ProfileLockSwitch(admin)) {
            lock.set(false);
            AccountConsolePage console = new AccountConsolePage(driver, server).logIn(user.username(), user.password());
            console.open("profile");

            assertThat(console.byTestId("profile-display-name").getText()).isEqualTo("Test User");
            assertThat(console.byTestId("profile-avatar").getText()).isEqualTo("TU");
            assertThat(console.byTestId("profile-username").getText()).isEqualTo(user.username());
            assertThat(console.byTestId("profile-username-note").getText()).isEqualTo("Only an administrator can change your username.");
            assertThat(console.byTestId("profile-email").getText()).isEqualTo(user.username() + "@example.org");
            assertThat(console.byTestId("profile-email-verified").getText()).isEqualTo("Verified");
            assertThat(console.byTestId("profile-account-source").getText()).isEqualTo("Local account");
            assertThat(console.byTestId("profile-2fa-otp").getAttribute("data-configured")).isEqualTo("false");
            assertThat(console.byTestId("profile-locale").isEnabled()).isTrue();
            assertThat(console.byTestId("profile-change-email").isDisplayed()).isTrue();
            Browsers.screenshot(driver, "profile-page-header");

            replaceText(console.byTestId("profile-first-name"), "Ada");
            console.byTestId("profile-save").click();

            assertThat(console.byTestId("profile-saved").isDisplayed()).isTrue();
            console.await().until(ExpectedConditions.textToBe(By.cssSelector("[data-testid='profile-display-name']"), "Ada User"));
            assertThat(users.realm().users().get(user.id()).toRepresentation().getFirstName()).isEqualTo("Ada");
        }
    }

    @Test
    void lockedFieldsAreReadOnlyWithTheReason(KeycloakServer server, TestUsers users, Keycloak admin, ChromeDriver driver) throws Exception {
        TestUser user = users.create("profile-locked");
        try (ProfileLockSwitch lock = new ProfileLockSwitch(admin)) {
            lock.set(true);
            AccountConsolePage console = new AccountConsolePage(driver, server).logIn(user.username(), user.password());
            console.open("profile");

            WebElement reason = console.byTestId("profile-lock-reason");
            assertThat(reason.getText()).contains("Your administrator has locked profile changes.");
            assertThat(console.byTestId("profile-first-name").getAttribute("readonly")).isNotNull();
            assertThat(console.byTestId("profile-last-name").getAttribute("readonly")).isNotNull();
            assertThat(console.byTestId("profile-email-input").getAttribute("readonly")).isNotNull();
            assertThat(driver.findElements(By.cssSelector("[data-testid='profile-save']"))).isEmpty();
            assertThat(driver.findElements(By.cssSelector("[data-testid='profile-change-email']"))).isEmpty();
            driver.executeScript("arguments[0].scrollIntoView()", console.byTestId("profile-form-card"));
            Browsers.screenshot(driver, "profile-page-locked");
        }
    }

    private static void replaceText(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }
}
