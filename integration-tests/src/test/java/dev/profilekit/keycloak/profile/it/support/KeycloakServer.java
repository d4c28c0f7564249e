package dev.profilekit.keycloak.profile.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak distribution (unpacked by Maven from Maven Central, with our providers and theme in
 * {@code providers/}) started with {@code kc.sh start-dev} on an in-memory database or a fresh PostgreSQL database
 * ({@link TestDatabase}). The demo realm from {@code realm-config/} is imported at start, exactly as {@code ./run.sh} does.
 */
public final class KeycloakServer implements KeycloakAddress {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private final Path log;
    private final TestDatabase database;
    private KeycloakProcess process;

    KeycloakServer(Path home, int httpPort, int managementPort, TestDatabase database) {
        this.home = home;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.database = database;
        this.log = home.resolveSibling("keycloak-server.log");
    }

    static KeycloakServer fromSystemProperties() {
        return new KeycloakServer(Path.of(TestConfig.require("keycloak.home")),
                Integer.parseInt(TestConfig.require("keycloak.http-port")),
                Integer.parseInt(TestConfig.require("keycloak.management-port")),
                TestDatabase.fromSystemProperties());
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public Path log() {
        return log;
    }

    void start() throws IOException, InterruptedException {
        KeycloakHome.importRealm(home, TestConfig.demoRealmFile());
        List<String> arguments = new ArrayList<>(startDevArguments(httpPort, managementPort));
        arguments.addAll(List.of(
                // every event detail and everything Profile Kit logs ends up in the log, which SecretsNotLoggedIT greps
                "--log-level=INFO,dev.profilekit:debug,org.keycloak.events:debug",
                // API token expiry notices every 5 s instead of every hour, so that SecurityNotificationIT sees one
                "--spi-events-listener--profilekit-security-notifications--expiry-check-interval-seconds=5"));
        arguments.addAll(database.keycloakOptions());
        database.create();
        Files.deleteIfExists(log);
        process = KeycloakProcess.start(home, arguments, Map.of(), log);
    }

    /**
     * What every test server runs with: {@code kc.sh start-dev} on the given ports, importing the realms in
     * {@code data/import}, with health checks and the admin-console tab feature.
     */
    public static List<String> startDevArguments(int httpPort, int managementPort) {
        return List.of("start-dev",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--import-realm",
                "--health-enabled=true",
                "--features=declarative-ui");
    }

    void stop() {
        try {
            if (process != null) {
                process.stop();
            }
        } finally {
            database.drop();
        }
    }

    @Override
    public String toString() {
        return "Keycloak at " + baseUrl() + " (" + home + File.separator + ", " + database + ")";
    }
}
