package dev.profilekit.keycloak.profile.it.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.keycloak.profile.it.support.AccountConsolePage;
import dev.profilekit.keycloak.profile.it.support.Browsers;
import dev.profilekit.keycloak.profile.it.support.HeadlessChromiumExtension;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Headless Chromium with Chrome's virtual authenticator (a platform passkey with user verification): register a
 * passkey from the Profile page through Keycloak's own registration, sign out, sign in with "Sign in with Passkey" (no
 * password) and see the last use on the card; sign out, sign in again through passkey autofill.
 */
@KeycloakIntegrationTest
@ExtendWith(HeadlessChromiumExtension.class)
class PasskeyBrowserIT {

    private static final String LABEL = "Chromium passkey";
    private static final By PASSKEY_BUTTON = By.id("authenticateWebAuthnButton");
    private static final By PASSKEY_ROW = By.cssSelector("[data-testid='passkey-row']");

    @Test
    void registerAPasskeySignInWithItAndSeeItsLastUse(KeycloakServer server, TestUsers users, ChromeDriver driver) throws Exception {
        TestUser user = users.create("passkey-browser");
        VirtualAuthenticator authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true));
        AccountConsolePage console = new AccountConsolePage(driver, server).logIn(user.username(), user.password());
        console.open("profile");
        assertThat(console.byTestId("passkey-none").getText()).isEqualTo("You have no passkeys or security keys yet.");

        console.byTestId("passkey-add").click();
        console.await().until(ExpectedConditions.elementToBeClickable(By.id("registerWebAuthn"))).click();
        Alert labelPrompt = console.await().until(ExpectedConditions.alertIsPresent());
        labelPrompt.sendKeys(LABEL);
        labelPrompt.accept();
        // the demo realm offers recovery codes right after a first second factor (Profile Kit's two-factor): not now
        By notNow = By.id("kc-skip-recovery-codes");
        console.await().until(ExpectedConditions.or(ExpectedConditions.elementToBeClickable(notNow),
                ExpectedConditions.visibilityOfElementLocated(PASSKEY_ROW)));
        if (!driver.findElements(notNow).isEmpty()) {
            driver.findElement(notNow).click();
        }

        assertThat(console.byTestId("passkey-row-name").getText()).isEqualTo(LABEL);
        assertThat(console.byTestId("passkey-row-type").getText()).isEqualTo("Passkey");
        assertThat(console.byTestId("passkey-row-created").getText()).isNotEqualTo("—");
        assertThat(console.byTestId("passkey-row-last-used").getText()).isEqualTo("Never");
        assertThat(authenticator.getCredentials()).hasSize(1);
        scrollTo(driver, console, "passkeys-card");
        Browsers.screenshot(driver, "passkeys-registered");

        // 1. "Sign in with Passkey": autofill is switched off (as in a browser without conditional mediation), so the
        //    login page's own passkey request is the button's.
        Map<String, Object> noAutofill = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "if (window.PublicKeyCredential) PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);"));
        logOut(server, driver, console);
        openProfileSignedOut(server, driver);
        console.await().until(ExpectedConditions.elementToBeClickable(PASSKEY_BUTTON));
        assertThat(driver.findElement(PASSKEY_BUTTON).getText()).isEqualTo("Sign in with Passkey");
        Browsers.screenshot(driver, "passkeys-login-page");
        driver.findElement(PASSKEY_BUTTON).click();

        console.await().until(ExpectedConditions.visibilityOfElementLocated(PASSKEY_ROW));
        assertThat(console.byTestId("profile-username").getText()).isEqualTo(user.username());
        assertThat(console.byTestId("passkey-row-name").getText()).isEqualTo(LABEL);
        String lastUsed = console.byTestId("passkey-row-last-used").getText();
        assertThat(lastUsed).isNotEqualTo("Never").contains("(");
        assertThat(lastLogin(users, user)).as("signed in with the passkey, not the password")
                .containsEntry("credential_type", "webauthn-passwordless")
                .containsKey("public_key_credential_id");
        scrollTo(driver, console, "passkeys-card");
        Browsers.screenshot(driver, "passkeys-last-used");

        // 2. Passkey autofill: the request the login page starts on load, which the virtual authenticator answers at once.
        driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", noAutofill.get("identifier")));
        logOut(server, driver, console);
        openProfileSignedOut(server, driver);
        console.await().until(ExpectedConditions.visibilityOfElementLocated(PASSKEY_ROW));
        assertThat(lastLogin(users, user)).containsEntry("credential_type", "webauthn-passwordless")
                .containsKey("public_key_credential_id");
        assertThat(console.byTestId("passkey-row-last-used").getText())
                .as("a second use from the same address within the minute is not written again")
                .isEqualTo(lastUsed);
    }

    private static void logOut(KeycloakServer server, ChromeDriver driver, AccountConsolePage console) {
        driver.get(server.baseUrl() + "/realms/" + TestConfig.DEMO_REALM + "/protocol/openid-connect/logout");
        WebElement logOut = console.await().until(ExpectedConditions.elementToBeClickable(By.id("kc-logout")));
        logOut.click();
        console.await().until(ExpectedConditions.stalenessOf(logOut));
    }

    private static void openProfileSignedOut(KeycloakServer server, ChromeDriver driver) {
        driver.get(server.baseUrl() + "/realms/" + TestConfig.DEMO_REALM + "/account/profile");
    }

    private static Map<String, String> lastLogin(TestUsers users, TestUser user) {
        return users.realm().getEvents(List.of("LOGIN"), null, user.id(), null, null, null, 0, 1).get(0).getDetails();
    }

    private static void scrollTo(ChromeDriver driver, AccountConsolePage console, String testId) {
        driver.executeScript("arguments[0].scrollIntoView()", console.byTestId(testId));
    }
}
