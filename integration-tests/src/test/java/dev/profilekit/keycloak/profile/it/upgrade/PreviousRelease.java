package dev.profilekit.keycloak.profile.it.upgrade;

import dev.profilekit.keycloak.profile.it.support.KeycloakHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The previous release of Profile Kit, built from this clone's git history: {@code git archive} of {@link #COMMIT}
 * into {@code <work dir>/previous-<commit>/}, then {@code ./mvnw package} of its providers module there (never
 * {@code install}). The jar stays there, so only the first run pays the build (about a minute).
 */
final class PreviousRelease {

    /**
     * The commit of the previous release on main (before avatars, passkey last use and security notifications).
     * At the next release, set it to the commit released and adapt {@link UpgradePathIT}'s checks of what is new
     * since then (changeSets, data the old REST API creates).
     */
    static final String COMMIT = "765cbdb96d826f566ff73fc27c04d351799cba37";

    private static final long BUILD_TIMEOUT_MINUTES = 10;

    private final Path source;

    private PreviousRelease(Path source) {
        this.source = source;
    }

    /** The previous release under {@code workDir}, built from the git history of {@code projectRoot} unless it already is. */
    static PreviousRelease build(Path projectRoot, Path workDir) throws IOException, InterruptedException {
        PreviousRelease release = new PreviousRelease(workDir.resolve("previous-" + COMMIT.substring(0, 7)));
        if (!Files.isRegularFile(release.providersJar())) {
            release.buildFrom(projectRoot, workDir);
        }
        return release;
    }

    /** Its providers jar. */
    Path providersJar() {
        return source.resolve("providers/target/profilekit-providers.jar");
    }

    /** Its demo realm (the current one names providers the old jar lacks). */
    Path demoRealm() {
        return source.resolve("realm-config/demo-realm.json");
    }

    private void buildFrom(Path projectRoot, Path workDir) throws IOException, InterruptedException {
        KeycloakHome.deleteRecursively(source);
        Files.createDirectories(source);
        Path log = workDir.resolve("previous-build.log");
        Files.deleteIfExists(log);
        if (run(projectRoot, log, "git", "cat-file", "-e", COMMIT + "^{commit}") != 0) {
            throw new IllegalStateException("The previous release's commit " + COMMIT + " is not in the git clone at " + projectRoot
                    + " (a shallow clone?). Fetch the history with `git fetch --unshallow` (or `git fetch origin " + COMMIT + "`) and retry.");
        }
        Path archive = workDir.resolve("previous-" + COMMIT.substring(0, 7) + ".tar");
        check(run(projectRoot, log, "git", "archive", "--format=tar", "--output=" + archive, COMMIT), "git archive", log);
        check(run(source, log, "tar", "-xf", archive.toString()), "tar", log);
        Files.delete(archive);
        check(run(source, log, "./mvnw", "-B", "-ntp", "-q", "-pl", "providers", "package", "-DskipTests"), "./mvnw package", log);
        if (!Files.isRegularFile(providersJar())) {
            throw new IllegalStateException("The previous release's build made no " + providersJar() + "; see " + log);
        }
    }

    private static int run(Path directory, Path log, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " took longer than " + BUILD_TIMEOUT_MINUTES + " minutes; see " + log);
        }
        return process.exitValue();
    }

    private static void check(int exitCode, String step, Path log) {
        if (exitCode != 0) {
            throw new IllegalStateException("Building the previous release " + COMMIT + ": " + step + " failed (exit code " + exitCode + "); see " + log);
        }
    }
}
