package dev.profilekit.keycloak.profile.it.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running {@code kc.sh} process of a Keycloak home ({@link KeycloakHome}): started with the given command and
 * options, its output in a log file, ready when its management interface answers {@code /health/ready}.
 * Shared by the test server, the cluster nodes and the upgrade test.
 */
public final class KeycloakProcess implements KeycloakAddress {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path log;

    private KeycloakProcess(Process process, int httpPort, int managementPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * Runs {@code bin/kc.sh <arguments>} in {@code home} with the bootstrap admin of {@link KeycloakServer} and waits
     * until it is ready. {@code --http-port} and {@code --http-management-port} must be among the arguments; their
     * ports must be free.
     */
    public static KeycloakProcess start(Path home, List<String> arguments, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        int httpPort = portOption(arguments, "--http-port");
        int managementPort = portOption(arguments, "--http-management-port");
        for (int port : List.of(httpPort, managementPort)) {
            if (isListening(port)) {
                throw new IllegalStateException("Port " + port + " is already in use: stop whatever runs there (an earlier test server?) and retry");
            }
        }
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/kc.sh").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN_USERNAME);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD);
        // C1 only starts faster; the benchmark profile asks for the full JIT (keycloak.java-opts-append)
        builder.environment().put("JAVA_OPTS_APPEND", System.getProperty("keycloak.java-opts-append", "-XX:TieredStopAtLevel=1"));
        builder.environment().putAll(environment);
        KeycloakProcess started = new KeycloakProcess(builder.start(), httpPort, managementPort, log);
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        started.awaitReady();
        return started;
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process (SIGTERM: Keycloak shuts down gracefully and leaves the cluster), waiting up to 30 s. */
    public void stop() {
        if (!process.isAlive()) {
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
        }
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

    private static int portOption(List<String> arguments, String option) {
        return arguments.stream()
                .filter(argument -> argument.startsWith(option + "="))
                .map(argument -> Integer.parseInt(argument.substring(option.length() + 1)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(option + " is required, got " + arguments));
    }

    static boolean isListening(int port) {
        try (Socket ignored = new Socket("localhost", port)) {
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
