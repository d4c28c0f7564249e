package dev.profilekit.keycloak.profile.it.support;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object for the account console of the demo realm, logged in through Keycloak's real login page. */
public final class AccountConsolePage {

    /** The read-only field of the show-once secret dialog ({@code ShowSecretModal}). */
    public static final By SHOWN_ONCE_SECRET = By.cssSelector("div[role='dialog'] .pf-v5-c-clipboard-copy input");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final String accountUrl;

    public AccountConsolePage(WebDriver driver, KeycloakServer server) {
        this.driver = driver;
        this.accountUrl = server.baseUrl() + "/realms/" + TestConfig.DEMO_REALM + "/account/";
    }

    /** Opens the account console, logs in on the login page and waits for the console to render. */
    public AccountConsolePage logIn(String username, String password) {
        driver.get(accountUrl);
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav")));
        return this;
    }

    /** Navigates inside the console (e.g. {@code "profile"}, {@code "account-security/signing-in"}) and returns the page title. */
    public String open(String path) {
        driver.get(accountUrl + path);
        return await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1"))).getText();
    }

    /** The visible labels of the navigation, including the children of expanded groups. */
    public List<String> navigationLabels() {
        return driver.findElements(By.cssSelector("nav a, nav button")).stream()
                .map(WebElement::getText)
                .filter(text -> !text.isBlank())
                .toList();
    }

    public WebElement byTestId(String testId) {
        return await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='" + testId + "']")));
    }

    public WebDriverWait await() {
        return new WebDriverWait(driver, TIMEOUT);
    }
}
