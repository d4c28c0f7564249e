package dev.profilekit.keycloak.profile.it.support;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;

/** Gives a test method a fresh {@link Browsers#headlessChromium()} as a {@link ChromeDriver} parameter and quits it afterwards. */
public final class HeadlessChromiumExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HeadlessChromiumExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ChromeDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(ChromeDriver.class, key -> start(), ChromeDriver.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ChromeDriver driver = context.getStore(NAMESPACE).remove(ChromeDriver.class, ChromeDriver.class);
        if (driver != null) {
            driver.quit();
        }
    }

    private static ChromeDriver start() {
        try {
            return Browsers.headlessChromium();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start headless Chromium", e);
        }
    }
}
