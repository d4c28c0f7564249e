package dev.profilekit.keycloak.profile.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profilekit.keycloak.profile.it.cluster.KeycloakCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps docker/ correct without a Docker engine: the Dockerfile and compose file must name the Keycloak version of
 * the pom, pin every image, and copy only files that the Maven build and the repository really have; the compose
 * topology (two nodes, proxy, PostgreSQL) must match what ClusterIT runs: the same node configuration file, the same
 * proxy-header settings, forwarded headers trusted from the proxy only.
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
            // services with a build section run the image built here (tagged :local)
            if (service.has("image") && !service.has("build")) {
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
    void composeRunsTwoNodesOfThisDockerfileOnPostgres() throws IOException {
        List<JsonNode> nodes = keycloakNodes();

        assertThat(nodes).hasSize(2);
        for (JsonNode node : nodes) {
            Path context = DOCKER.resolve(node.at("/build/context").asText()).normalize();
            assertThat(context).isEqualTo(ROOT);
            assertThat(context.resolve(node.at("/build/dockerfile").asText())).isRegularFile();
            assertThat(node.at("/environment/KC_DB_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/");
        }
        assertThat(nodes.get(0).get("image")).isEqualTo(nodes.get(1).get("image"));
        assertThat(compose().at("/services/postgres/image").asText()).startsWith("postgres:");
        assertThat(nodes.get(0).at("/depends_on/postgres/condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void onlyTheFirstNodeImportsTheRealmAndTheSecondWaitsForIt() throws IOException {
        JsonNode compose = compose();

        assertThat(compose.at("/services/keycloak-1/command").toString()).contains("--import-realm");
        assertThat(compose.at("/services/keycloak-2/command").toString()).doesNotContain("--import-realm");
        assertThat(compose.at("/services/keycloak-2/depends_on/keycloak-1/condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void nodesRunTheConfigurationTheClusterTestRuns() throws IOException {
        assertThat(dockerfile()).containsPattern("(?m)^COPY " + Pattern.quote(KeycloakCluster.CONFIGURATION) + " /opt/keycloak/conf/keycloak.conf$");
        String configuration = Files.readString(ROOT.resolve(KeycloakCluster.CONFIGURATION));
        assertThat(configuration).containsPattern("(?m)^db=postgres$").containsPattern("(?m)^cache=ispn$")
                .doesNotContainPattern("(?m)^proxy-");
        for (JsonNode node : keycloakNodes()) {
            assertThat(node.at("/environment/KC_PROXY_HEADERS").asText()).isEqualTo(KeycloakCluster.PROXY_HEADERS);
            assertThat(node.at("/environment/KC_HOSTNAME").asText()).as("one public URL for both nodes").isEqualTo("http://localhost:8080");
        }
    }

    @Test
    void nodesTrustForwardedHeadersFromTheProxyOnly() throws IOException {
        JsonNode proxy = compose().at("/services/proxy");
        String proxyAddress = proxy.at("/networks/keycloak/ipv4_address").asText();

        assertThat(proxyAddress).isNotEmpty();
        assertThat(keycloakNodes()).allSatisfy(node ->
                assertThat(node.at("/environment/KC_PROXY_TRUSTED_ADDRESSES").asText()).isEqualTo(proxyAddress));
        assertThat(proxy.at("/ports/0").asText()).isEqualTo("8080:8080");
    }

    @Test
    void proxyBalancesBothNodesAndOverwritesForwardedFor() throws IOException {
        String mount = compose().at("/services/proxy/volumes/0").asText();
        Path nginxConf = DOCKER.resolve(mount.substring(0, mount.indexOf(':'))).normalize();
        String nginx = Files.readString(nginxConf);

        assertThat(mount).endsWith(":/etc/nginx/nginx.conf:ro");
        assertThat(nginx).contains("server keycloak-1:8080;").contains("server keycloak-2:8080;")
                .contains("proxy_set_header X-Forwarded-For $remote_addr;")
                .doesNotContain("$proxy_add_x_forwarded_for");
    }

    private static List<JsonNode> keycloakNodes() throws IOException {
        JsonNode services = compose().get("services");
        List<JsonNode> nodes = new ArrayList<>();
        services.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("keycloak-")) {
                nodes.add(services.get(name));
            }
        });
        return nodes;
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

    /** compose.yaml with its anchors and merge keys resolved (SnakeYAML), as Docker Compose reads it. */
    private static JsonNode compose() throws IOException {
        Object yaml = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        return new ObjectMapper().valueToTree(yaml);
    }
}
