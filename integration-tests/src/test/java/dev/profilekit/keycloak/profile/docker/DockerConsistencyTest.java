package dev.profilekit.keycloak.profile.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docker/ correct without a Docker engine: the Dockerfile and compose file must name the Keycloak version of
 * the pom, pin every image, and copy only files that the Maven build and the repository really have.
 */
class DockerConsistencyTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root")).toAbsolutePath().normalize();
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final String KEYCLOAK_VERSION = System.getProperty("keycloak.version");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(--from=(\\S+)\\s+)?(\\S+)\\s+(\\S+)\\s*$");

    @Test
    void dockerfileRunsTheKeycloakVersionOfThePom() throws IOException {
        List<String> keycloakImages = images().stream().filter(image -> image.startsWith("quay.io/keycloak/keycloak:")).toList();

        assertThat(keycloakImages).isNotEmpty().allMatch(image -> image.equals("quay.io/keycloak/keycloak:" + KEYCLOAK_VERSION));
    }

    @Test
    void everyImageIsPinned() throws IOException {
        List<String> all = new ArrayList<>(images());
        composeServices().forEach(service -> {
            if (service.has("image")) {
                all.add(service.get("image").asText());
            }
        });

        assertThat(all).allSatisfy(image -> assertThat(image).matches(".+:[0-9][^:]*").doesNotEndWith(":latest"));
    }

    @Test
    void dockerfileCopiesWhatTheBuildProducesAndTheRepositoryHas() throws IOException {
        Matcher copy = COPY.matcher(dockerfile());
        int checked = 0;
        while (copy.find()) {
            String stage = copy.group(2);
            String source = copy.group(3);
            if (stage == null) {
                assertThat(ROOT.resolve(source)).as("COPY " + source).exists();
            } else if (source.startsWith("/src/")) {
                // The 'extension' stage builds the repository in /src: these are Maven build outputs.
                assertThat(ROOT.resolve(source.substring("/src/".length()))).as("COPY --from=" + stage + " " + source).isRegularFile();
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
        assertThat(dockerfile()).contains("kc.sh build").contains("\"--optimized\"");
    }

    @Test
    void composeBuildsThisDockerfileNextToPostgres() throws IOException {
        JsonNode compose = compose();
        JsonNode keycloak = compose.at("/services/keycloak");
        Path context = DOCKER.resolve(keycloak.at("/build/context").asText()).normalize();

        assertThat(context).isEqualTo(ROOT);
        assertThat(context.resolve(keycloak.at("/build/dockerfile").asText())).isRegularFile();
        assertThat(compose.at("/services/postgres/image").asText()).startsWith("postgres:");
        assertThat(keycloak.at("/environment/KC_DB_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(keycloak.at("/depends_on/postgres/condition").asText()).isEqualTo("service_healthy");
    }

    private static List<String> images() throws IOException {
        Matcher from = FROM.matcher(dockerfile());
        List<String> images = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        while (from.find()) {
            if (!stages.contains(from.group(1))) {
                images.add(from.group(1));
            }
            if (from.group(2) != null) {
                stages.add(from.group(2));
            }
        }
        return images;
    }

    private static List<JsonNode> composeServices() throws IOException {
        List<JsonNode> services = new ArrayList<>();
        compose().get("services").forEach(services::add);
        return services;
    }

    private static String dockerfile() throws IOException {
        return Files.readString(DOCKER.resolve("Dockerfile"));
    }

    private static JsonNode compose() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.yaml").toFile());
    }
}
