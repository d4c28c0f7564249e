package dev.profilekit.keycloak.profile.it.apppassword;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.keycloak.profile.it.support.AccountConsolePage;
import dev.profilekit.keycloak.profile.it.support.Browsers;
import dev.profilekit.keycloak.profile.it.support.HeadlessChromiumExtension;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import dev.profilekit.keycloak.profile.it.support.TokenEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Headless Chromium on Account security → App passwords: create (shown once), use, delete after confirmation. */
@KeycloakIntegrationTest
@ExtendWith(HeadlessChromiumExtension.class)
class AppPasswordBrowserIT {

    @Test
    void createShowOnceAndDelete(KeycloakServer server, TestUsers users, ChromeDriver driver) throws Exception {
        TestUser user = users.create("ap-browser-ui");
        AccountConsolePage console = new AccountConsolePage(driver, server).logIn(user.username(), user.password());

        console.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid='accountSecurity'] button"))).click();
        console.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-testid='account-security/app-passwords']"))).click();
        assertThat(console.byTestId("page-heading").getText()).isEqualTo("App passwords");
        assertThat(console.byTestId("app-password-none").getText()).isEqualTo("You have no app passwords.");

        console.byTestId("app-password-name").sendKeys("Thunderbird on laptop");
        new Select(console.byTestId("app-password-app")).selectByVisibleText("Mail");
        console.byTestId("app-password-create").click();
        String password = console.await().until(ExpectedConditions.visibilityOfElementLocated(AccountConsolePage.SHOWN_ONCE_SECRET)).getAttribute("value");
        assertThat(password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){7}");
        assertThat(driver.findElement(By.cssSelector("div[role='dialog']")).getText()).contains("you won't be able to see it again");
        Browsers.screenshot(driver, "app-passwords-created");
        console.byTestId("app-password-secret-close").click();
        console.await().until(ExpectedConditions.invisibilityOfElementLocated(AccountConsolePage.SHOWN_ONCE_SECRET));
        assertThat(driver.getPageSource()).doesNotContain(password.substring(5));

        assertThat(console.byTestId("app-password-row").getText()).contains("Thunderbird on laptop", "Mail", "Never");
        assertThat(new TokenEndpoint(server).passwordGrant("mail", user.username(), password).granted()).isTrue();
        driver.navigate().refresh();
        assertThat(console.byTestId("app-password-row-last-used").getText()).isNotEqualTo("Never");
        Browsers.screenshot(driver, "app-passwords-list");

        console.byTestId("app-password-delete").click();
        console.byTestId("app-password-delete-confirm").click();
        assertThat(console.byTestId("app-password-none").isDisplayed()).isTrue();
        assertThat(new TokenEndpoint(server).passwordGrant("mail", user.username(), password).granted()).isFalse();
    }
}
