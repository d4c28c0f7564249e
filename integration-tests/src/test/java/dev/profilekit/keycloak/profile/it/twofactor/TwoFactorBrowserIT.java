package dev.profilekit.keycloak.profile.it.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.keycloak.profile.it.support.AccountConsolePage;
import dev.profilekit.keycloak.profile.it.support.Browsers;
import dev.profilekit.keycloak.profile.it.support.HeadlessChromiumExtension;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Headless Chromium: the set-up deep link an admin hands to users. */
@KeycloakIntegrationTest
@ExtendWith(HeadlessChromiumExtension.class)
class TwoFactorBrowserIT {

    @Test
    void theSetupDeepLinkOpensAuthenticatorAppSetup(KeycloakServer server, TestUsers users, ChromeDriver driver) throws Exception {
        TestUser user = users.create("deep-link");
        AccountConsolePage console = new AccountConsolePage(driver, server).logIn(user.username(), user.password());

        driver.get(server.baseUrl() + "/realms/" + TestConfig.DEMO_REALM + "/account/profile?setup=totp");

        console.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-totp-settings-form")));
        assertThat(driver.getCurrentUrl()).contains("CONFIGURE_TOTP");
        Browsers.screenshot(driver, "two-factor-deep-link-totp");
    }
}
