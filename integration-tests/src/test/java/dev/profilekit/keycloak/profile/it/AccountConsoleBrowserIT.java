package dev.profilekit.keycloak.profile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.keycloak.profile.it.support.AccountConsolePage;
import dev.profilekit.keycloak.profile.it.support.Browsers;
import dev.profilekit.keycloak.profile.it.support.HeadlessChromiumExtension;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Headless Chromium: the profilekit account theme keeps Keycloak's pages and adds the Profile page. */
@KeycloakIntegrationTest
@ExtendWith(HeadlessChromiumExtension.class)
class AccountConsoleBrowserIT {

    @Test
    void builtInPagesAndTheProfilePageRender(KeycloakServer server, TestUsers users, ChromeDriver driver) throws Exception {
        TestUser user = users.create("browser");
        AccountConsolePage console = new AccountConsolePage(driver, server).logIn(user.username(), user.password());

        assertThat(console.navigationLabels()).contains("Profile", "Personal info", "Account security", "Applications");
        assertThat(console.open("")).isEqualTo("Personal info");
        assertThat(console.open("account-security/signing-in")).isEqualTo("Signing in");
        assertThat(console.open("account-security/device-activity")).isEqualTo("Device activity");
        assertThat(console.open("applications")).startsWith("Application");

        assertThat(console.open("profile")).isEqualTo("Profile");
        assertThat(console.byTestId("profile-username").getText()).isEqualTo(user.username());
        assertThat(console.byTestId("profile-email").getText()).isEqualTo(user.username() + "@example.org");
        Path screenshot = Browsers.screenshot(driver, "account-console-profile");
        assertThat(screenshot).isNotEmptyFile();
    }

    @Test
    void theProfileNavigationEntryOpensTheProfilePage(KeycloakServer server, TestUsers users, ChromeDriver driver) throws Exception {
        TestUser user = users.create("browser-nav");
        AccountConsolePage console = new AccountConsolePage(driver, server).logIn(user.username(), user.password());

        console.await().until(ExpectedConditions.elementToBeClickable(By.linkText("Profile"))).click();

        assertThat(console.byTestId("profile-page").isDisplayed()).isTrue();
        assertThat(driver.getCurrentUrl()).endsWith("/account/profile");
    }
}
