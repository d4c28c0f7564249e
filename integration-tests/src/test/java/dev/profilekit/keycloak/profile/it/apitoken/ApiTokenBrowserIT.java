package dev.profilekit.keycloak.profile.it.apitoken;

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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Headless Chromium on Account security → API tokens: create (value shown once), edit the allow-list, revoke. */
@KeycloakIntegrationTest
@ExtendWith(HeadlessChromiumExtension.class)
class ApiTokenBrowserIT {

    @Test
    void createShowOnceEditAndRevoke(KeycloakServer server, TestUsers users, ChromeDriver driver) throws Exception {
        TestUser user = users.create("api-browser");
        ApiTokenApi api = new ApiTokenApi(server);
        AccountConsolePage console = new AccountConsolePage(driver, server).logIn(user.username(), user.password());

        console.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid='accountSecurity'] button"))).click();
        console.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-testid='account-security/api-tokens']"))).click();
        assertThat(console.byTestId("page-heading").getText()).isEqualTo("API tokens");
        assertThat(console.byTestId("api-token-none").getText()).isEqualTo("You have no API tokens.");

        // bad input: the server's message key, translated, and nothing created
        console.byTestId("api-token-name").sendKeys("deploy bot");
        console.byTestId("api-token-allow-list").sendKeys("10.0.0.0/33");
        console.byTestId("api-token-create").click();
        assertThat(console.byTestId("api-token-create-error").getText()).contains("Invalid prefix length in 10.0.0.0/33");

        // create: the value is shown once
        clear(console.byTestId("api-token-allow-list")).sendKeys("127.0.0.1");
        driver.findElement(By.cssSelector("label[for='api-token-scope-read-write']")).click();
        console.byTestId("api-token-create").click();
        String value = console.await().until(ExpectedConditions.visibilityOfElementLocated(AccountConsolePage.SHOWN_ONCE_SECRET)).getAttribute("value");
        assertThat(value).startsWith("pkat_").hasSize(52);
        assertThat(driver.findElement(By.cssSelector("div[role='dialog']")).getText()).contains("you won't be able to see it again");
        Browsers.screenshot(driver, "api-tokens-created");
        console.byTestId("api-token-secret-close").click();
        console.await().until(ExpectedConditions.invisibilityOfElementLocated(AccountConsolePage.SHOWN_ONCE_SECRET));
        assertThat(driver.getPageSource()).doesNotContain(value.substring(18));

        String id = value.substring(5, 17);
        WebElement row = console.byTestId("api-token-row-" + id);
        assertThat(row.getText()).contains("deploy bot", id, "Read-write", "127.0.0.1", "Never");
        assertThat(api.exchange("127.0.0.1", value, null).status()).isEqualTo(200);

        // edit the allow-list without recreating
        driver.navigate().refresh();
        console.byTestId("api-token-row-" + id).findElement(By.cssSelector("[data-testid='api-token-edit']")).click();
        clear(console.byTestId("api-token-edit-allow-list")).sendKeys("127.0.0.2");
        console.byTestId("api-token-edit-save").click();
        console.await().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid='api-token-row-" + id + "'] [data-testid='api-token-allow']"), "127.0.0.2"));
        assertThat(console.byTestId("api-token-row-" + id).getText()).contains("127.0.0.1"); // last used from
        assertThat(api.exchange("127.0.0.1", value, null).status()).isEqualTo(400);
        assertThat(api.exchange("127.0.0.2", value, null).status()).isEqualTo(200);
        Browsers.screenshot(driver, "api-tokens-list");

        // revoke, after confirmation
        console.byTestId("api-token-revoke").click();
        console.byTestId("api-token-revoke-confirm").click();
        assertThat(console.byTestId("api-token-none").isDisplayed()).isTrue();
        assertThat(api.exchange("127.0.0.2", value, null).status()).isEqualTo(400);
        Browsers.screenshot(driver, "api-tokens-revoked");
    }

    private static WebElement clear(WebElement input) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        return input;
    }
}
