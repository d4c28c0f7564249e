package dev.profilekit.keycloak.profile.it.support;

import java.nio.file.Path;

/** System properties that Maven passes to the tests (see integration-tests/pom.xml). */
public final class TestConfig {

    public static final String DEMO_REALM = "demo";

    private TestConfig() {
    }

    public static String require(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the tests through Maven (./mvnw verify)");
        }
        return value;
    }

    public static Path projectRoot() {
        return Path.of(require("project.root")).toAbsolutePath().normalize();
    }

    public static Path demoRealmFile() {
        return projectRoot().resolve("realm-config/demo-realm.json");
    }

    public static Path screenshotsDir() {
        return Path.of(require("screenshots.dir"));
    }
}
