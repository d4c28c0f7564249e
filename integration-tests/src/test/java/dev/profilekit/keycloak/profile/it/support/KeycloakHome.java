package dev.profilekit.keycloak.profile.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Keycloak installation of its own for one process: a copy of the distribution Maven unpacked
 * ({@code -Dkeycloak.home}, with this build's providers and theme), optionally with other provider jars instead.
 * Every cluster node and every release in the upgrade test needs one: {@code data/} (transaction logs, caches) and
 * the build of {@code kc.sh build} belong to one process.
 */
public final class KeycloakHome {

    private KeycloakHome() {
    }

    /** The distribution the test server runs from (unpacked by Maven, this build's jars in {@code providers/}). */
    public static Path distribution() {
        return Path.of(TestConfig.require("keycloak.home"));
    }

    /** A fresh copy of {@link #distribution()} at {@code target} (replacing what is there), without its {@code data/}. */
    public static Path copy(Path target) {
        return copy(distribution(), target);
    }

    /** A fresh copy of the Keycloak home {@code source} at {@code target} (replacing what is there), without its {@code data/}. */
    public static Path copy(Path source, Path target) {
        deleteRecursively(target);
        try (Stream<Path> files = Files.walk(source)) {
            Files.createDirectories(target.getParent());
            files.filter(file -> !source.relativize(file).startsWith("data")).forEach(file -> {
                try {
                    Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Replaces the Profile Kit jars in {@code home}'s {@code providers/} by {@code jars}. */
    public static void replaceProviders(Path home, List<Path> jars) {
        Path providers = home.resolve("providers");
        try (Stream<Path> existing = Files.list(providers)) {
            for (Path jar : existing.filter(file -> file.getFileName().toString().startsWith("profilekit-")).toList()) {
                Files.delete(jar);
            }
            for (Path jar : jars) {
                Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts {@code realmFile} into {@code home}'s {@code data/import}, for {@code --import-realm} (which skips a realm that
     * already exists in the database).
     */
    public static void importRealm(Path home, Path realmFile) {
        try {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code root} and everything below it, if it exists. */
    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
