package dev.profilekit.keycloak.profile.it.support;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak distribution (unpacked by Maven from Maven Central, with our providers and theme in
 * {@code providers/}) started with {@code kc.sh start-dev} on an in-memory database or a fresh PostgreSQL database
 * ({@link TestDatabase}). The demo realm from {@code realm-config/} is imported at start, exactly as {@code ./run.sh} does.
 */
public final class KeycloakServer {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private final Path log;
    private final TestDatabase database;
    private Process process;

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

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public Path log() {
        return log;
    }

    void start() throws IOException, InterruptedException {
        for (int port : List.of(httpPort, managementPort)) {
            if (isListening(port)) {
                throw new IllegalStateException("Port " + port + " is already in use: stop whatever runs there (an earlier test server?) and retry");
            }
        }
        installDemoRealm();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--import-realm",
                "--health-enabled=true",
                "--features=declarative-ui",
                // API token expiry notices every 5 s instead of every hour, so that SecurityNotificationIT sees one
                "--spi-events-listener--profilekit-security-notifications--expiry-check-interval-seconds=5"));
        command.addAll(database.keycloakOptions());
        database.create();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // C1 only starts faster; the benchmark profile asks for the full JIT (keycloak.java-opts-append)
        builder.environment().put("JAVA_OPTS_APPEND", System.getProperty("keycloak.java-opts-append", "-XX:TieredStopAtLevel=1"));
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        awaitReady();
    }

    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            database.drop();
        }
    }

    private void installDemoRealm() throws IOException {
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        Files.copy(TestConfig.demoRealmFile(), importDir.resolve(TestConfig.demoRealmFile().getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/health/ready")).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        stop();
        throw new IllegalStateException("Keycloak not ready after " + START_TIMEOUT + "; see " + log);
    }

    private static boolean isListening(int port) {
        try (Socket ignored = new Socket("localhost", port)) {
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public String toString() {
        return "Keycloak at " + baseUrl() + " (" + home + File.separator + ", " + database + ")";
    }
}
