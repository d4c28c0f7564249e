package dev.profilekit.keycloak.profile.it.avatar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.keycloak.profile.it.support.AccountConsolePage;
import dev.profilekit.keycloak.profile.it.support.Browsers;
import dev.profilekit.keycloak.profile.it.support.HeadlessChromiumExtension;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Headless Chromium on the Profile page: upload a picture, see it, a refused file's message, remove it. */
@KeycloakIntegrationTest
@ExtendWith(HeadlessChromiumExtension.class)
class AvatarBrowserIT {

    private static final By FILE_INPUT = By.cssSelector("[data-testid='avatar-file']");
    private static final By IMAGE = By.cssSelector("img[data-testid='profile-avatar-image']");

    @Test
    void theUserUploadsAPictureSeesItAndRemovesIt(KeycloakServer server, TestUsers users, ChromeDriver driver) throws Exception {
        TestUser user = users.create("avatar-browser");
        Path picture = Files.createTempFile("avatar", ".png");
        Path svg = Files.createTempFile("avatar", ".svg");
        try {
            Files.write(picture, AvatarApi.png(800, 600));
            Files.writeString(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
            AccountConsolePage console = new AccountConsolePage(driver, server).logIn(user.username(), user.password());
            console.open("profile");
            assertThat(console.byTestId("profile-avatar").getText()).isEqualTo("TU");
            assertThat(console.byTestId("avatar-upload").getText()).isEqualTo("Upload picture");

            driver.findElement(FILE_INPUT).sendKeys(picture.toString());

            WebElement image = console.await().until(ExpectedConditions.visibilityOfElementLocated(IMAGE));
            console.await().until(d -> (Boolean) driver.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
            assertThat(((Number) driver.executeScript("return arguments[0].naturalWidth", image)).intValue()).isEqualTo(256);
            assertThat(image.getAttribute("src")).startsWith(server.baseUrl() + "/realms/demo/avatar/");
            assertThat(console.byTestId("avatar-upload").getText()).isEqualTo("Change picture");
            Browsers.screenshot(driver, "avatar-uploaded");

            driver.findElement(FILE_INPUT).sendKeys(svg.toString());
            assertThat(console.byTestId("avatar-error").getText()).contains("Upload a PNG, JPEG or WebP picture.");
            assertThat(driver.findElement(IMAGE).getAttribute("src")).isEqualTo(image.getAttribute("src"));
            Browsers.screenshot(driver, "avatar-refused");

            console.byTestId("avatar-remove").click();
            console.byTestId("avatar-remove-confirm").click();

            console.await().until(ExpectedConditions.textToBe(By.cssSelector("[data-testid='profile-avatar']"), "TU"));
            List<WebElement> images = driver.findElements(IMAGE);
            assertThat(images).isEmpty();
            Map<String, List<String>> attributes = users.realm().users().get(user.id()).toRepresentation().getAttributes();
            assertThat(attributes == null ? Map.of() : attributes).doesNotContainKey("picture");
        } finally {
            Files.deleteIfExists(picture);
            Files.deleteIfExists(svg);
        }
    }
}
