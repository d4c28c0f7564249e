package dev.profilekit.keycloak.profile.it.recoveryemail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.keycloak.profile.it.profilelock.ProfileLockSwitch;
import dev.profilekit.keycloak.profile.it.support.AccountConsolePage;
import dev.profilekit.keycloak.profile.it.support.Browsers;
import dev.profilekit.keycloak.profile.it.support.HeadlessChromiumExtension;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.LoginSession;
import dev.profilekit.keycloak.profile.it.support.MailServer;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Headless Chromium on the Profile page's recovery-email card: empty, waiting for confirmation, confirmed, warned, locked. */
@KeycloakIntegrationTest
@ExtendWith(HeadlessChromiumExtension.class)
class RecoveryEmailBrowserIT {

    @Test
    void theUserSetsARecoveryEmailAndSeesItPendingThenConfirmed(KeycloakServer server, TestUsers users, Keycloak admin, ChromeDriver driver)
            throws Exception {
        TestUser user = users.create("recovery-card");
        String address = user.username() + "@recovery.test";
        try (MailServer mail = MailServer.start(admin); ProfileLockSwitch lock = new ProfileLockSwitch(admin)) {
            lock.set(false);
            AccountConsolePage console = new AccountConsolePage(driver, server).logIn(user.username(), user.password());
            console.open("profile");

            assertThat(console.byTestId("recovery-email-help").getText()).isEqualTo(
                    "Password reset emails go here. Use an address that is not hosted on this server. If empty, your primary email is used.");
            assertThat(console.byTestId("recovery-email-empty").getText()).contains(user.username() + "@example.org");

            console.byTestId("recovery-email-input").sendKeys(address);
            console.byTestId("recovery-email-save").click();

            assertThat(console.byTestId("recovery-email-notice").getText()).contains("We sent a confirmation link to " + address);
            assertThat(console.byTestId("recovery-email-pending").getText()).isEqualTo(address);
            assertThat(console.byTestId("recovery-email-pending-label").getText()).isEqualTo("Waiting for confirmation");
            assertThat(driver.findElements(By.cssSelector("[data-testid='recovery-email-hosted-warning']"))).isEmpty();
            scrollTo(driver, console.byTestId("recovery-email-card"));
            Browsers.screenshot(driver, "recovery-email-pending");

            new LoginSession().open(mail.awaitMailTo(address).actionTokenLink());
            console.open("profile");

            assertThat(console.byTestId("recovery-email-current").getText()).isEqualTo(address);
            assertThat(console.byTestId("recovery-email-verified").getText()).isEqualTo("Confirmed");
            assertThat(driver.findElements(By.cssSelector("[data-testid='recovery-email-pending']"))).isEmpty();

            String hosted = "other-" + user.username() + "@example.org";
            console.byTestId("recovery-email-input").sendKeys(hosted);
            console.byTestId("recovery-email-save").click();

            console.await().until(ExpectedConditions.textToBe(By.cssSelector("[data-testid='recovery-email-pending']"), hosted));
            assertThat(console.byTestId("recovery-email-current").getText()).as("still in use until confirmed").isEqualTo(address);
            assertThat(console.byTestId("recovery-email-hosted-warning").getText()).contains("hosted on this server");
            scrollTo(driver, console.byTestId("recovery-email-card"));
            Browsers.screenshot(driver, "recovery-email-card");
        }
    }

    @Test
    void withTheLockOnTheCardIsReadOnlyWithTheReason(KeycloakServer server, TestUsers users, Keycloak admin, ChromeDriver driver) throws Exception {
        TestUser user = users.create("recovery-card-locked");
        try (ProfileLockSwitch lock = new ProfileLockSwitch(admin)) {
            lock.set(true);
            AccountConsolePage console = new AccountConsolePage(driver, server).logIn(user.username(), user.password());
            console.open("profile");

            assertThat(console.byTestId("recovery-email-lock-reason").getText()).contains("Your administrator has locked profile changes.");
            assertThat(console.byTestId("recovery-email-empty").isDisplayed()).isTrue();
            assertThat(driver.findElements(By.cssSelector("[data-testid='recovery-email-input']"))).isEmpty();
            assertThat(driver.findElements(By.cssSelector("[data-testid='recovery-email-save']"))).isEmpty();
            scrollTo(driver, console.byTestId("recovery-email-card"));
            Browsers.screenshot(driver, "recovery-email-locked");
        }
    }

    private static void scrollTo(ChromeDriver driver, WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView()", element);
    }
}
