package dev.profilekit.keycloak.profile.it.cluster;

import dev.profilekit.keycloak.profile.it.support.KeycloakAddress;
import dev.profilekit.keycloak.profile.it.support.KeycloakHome;
import dev.profilekit.keycloak.profile.it.support.KeycloakProcess;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.ReverseProxy;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestDatabase;
import org.keycloak.admin.client.Keycloak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Two Keycloak nodes in production mode ({@code kc.sh start --optimized}) on one fresh PostgreSQL database, clustered
 * by Keycloak's own embedded Infinispan with its default discovery (JGroups JDBC_PING through that database) on
 * loopback, behind a {@link ReverseProxy} - the topology of {@code docker/compose.yaml}, with the same
 * {@code docker/keycloak.conf}. Both nodes use the proxy's URL as their hostname, so a token issued by one is valid on
 * the other, and trust forwarded headers only from the proxy's address.
 */
public final class KeycloakCluster implements AutoCloseable {

    /** The node configuration the Docker image bakes in. */
    public static final String CONFIGURATION = "docker/keycloak.conf";
    /** The proxy-header options of docker/compose.yaml, with the proxy's address here. */
    public static final String PROXY_HEADERS = "xforwarded";
    public static final String PROXY_ADDRESS = "127.0.0.1";
    static final int PROXY_PORT = 18089;
    private static final Pattern TWO_MEMBER_VIEW = Pattern.compile("ISPN000094: Received new cluster view .*\\(2\\)");
    private static final Duration CLUSTER_FORMATION_TIMEOUT = Duration.ofSeconds(90);

    private final TestDatabase database;
    private final List<Node> nodes;
    private final ReverseProxy proxy;
    private final Map<Node, Keycloak> admins = new HashMap<>();

    /** One cluster node: its own Keycloak home, ports and log. */
    public static final class Node implements KeycloakAddress {

        private final String name;
        private final Path home;
        private final int httpPort;
        private final int managementPort;
        private final int clusterPort;
        private KeycloakProcess process;

        Node(String name, Path home, int httpPort, int managementPort, int clusterPort) {
            this.name = name;
            this.home = home;
            this.httpPort = httpPort;
            this.managementPort = managementPort;
            this.clusterPort = clusterPort;
        }

        @Override
        public String baseUrl() {
            return "http://localhost:" + httpPort;
        }

        public Path log() {
            return home.resolveSibling(name + ".log");
        }

        void start(List<String> options) throws IOException, InterruptedException {
            Files.deleteIfExists(log());
            process = KeycloakProcess.start(home, options, Map.of(), log());
        }

        void stop() {
            if (process != null) {
                process.stop();
            }
        }

        @Override
        public String toString() {
            return name + " (" + baseUrl() + ")";
        }
    }

    private KeycloakCluster(TestDatabase database, List<Node> nodes, ReverseProxy proxy) {
        this.database = database;
        this.nodes = nodes;
        this.proxy = proxy;
    }

    public static KeycloakCluster start() throws IOException, InterruptedException {
        Path root = KeycloakHome.distribution().resolveSibling("cluster");
        Path built = buildHome(root.resolve("node-a"));
        List<Node> nodes = List.of(
                new Node("node-a", built, 18081, 19001, 7800),
                new Node("node-b", KeycloakHome.copy(built, root.resolve("node-b")), 18082, 19002, 7801));
        TestDatabase database = TestDatabase.postgres("cluster");
        database.create();
        ReverseProxy proxy = ReverseProxy.start(PROXY_PORT, nodes);
        KeycloakCluster cluster = new KeycloakCluster(database, nodes, proxy);
        try {
            KeycloakHome.importRealm(nodes.get(0).home, TestConfig.demoRealmFile());
            for (Node node : nodes) {
                // the first node creates the schema and imports the demo realm, the second joins it
                node.start(cluster.options(node, node == nodes.get(0)));
            }
            cluster.awaitTwoMemberView();
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public Node a() {
        return nodes.get(0);
    }

    public Node b() {
        return nodes.get(1);
    }

    public List<Node> nodes() {
        return nodes;
    }

    public ReverseProxy proxy() {
        return proxy;
    }

    public TestDatabase database() {
        return database;
    }

    /** The admin client (master realm) that talks to {@code node} directly. */
    public synchronized Keycloak admin(Node node) {
        return admins.computeIfAbsent(node, n -> Keycloak.getInstance(n.baseUrl(), "master",
                KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD, "admin-cli"));
    }

    /**
     * A copy of the distribution with {@code docker/keycloak.conf} as its configuration, built once
     * ({@code kc.sh build}); the second node is a copy of it.
     */
    private static Path buildHome(Path home) throws IOException, InterruptedException {
        KeycloakHome.copy(home);
        Files.copy(TestConfig.projectRoot().resolve(CONFIGURATION), home.resolve("conf/keycloak.conf"), StandardCopyOption.REPLACE_EXISTING);
        Path log = home.resolveSibling("build.log");
        Process build = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "build")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
            build.destroyForcibly();
            throw new IllegalStateException("kc.sh build failed; see " + log);
        }
        return home;
    }

    /** Runtime options of a node; everything else comes from docker/keycloak.conf, as in the image. */
    private List<String> options(Node node, boolean importRealm) {
        List<String> options = new ArrayList<>(List.of("start", "--optimized",
                "--http-port=" + node.httpPort,
                "--http-management-port=" + node.managementPort,
                "--hostname=" + proxy.baseUrl(),
                "--proxy-headers=" + PROXY_HEADERS,
                "--proxy-trusted-addresses=" + PROXY_ADDRESS,
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + node.clusterPort));
        database.keycloakOptions().stream().filter(option -> !option.startsWith("--db=")).forEach(options::add);
        if (importRealm) {
            options.add("--import-realm");
        }
        return options;
    }

    private void awaitTwoMemberView() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(CLUSTER_FORMATION_TIMEOUT);
        for (Node node : nodes) {
            while (!TWO_MEMBER_VIEW.matcher(Files.readString(node.log())).find()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(node + " did not see a two-member cluster within " + CLUSTER_FORMATION_TIMEOUT + "; see " + node.log());
                }
                Thread.sleep(500);
            }
        }
    }

    @Override
    public void close() {
        admins.values().forEach(Keycloak::close);
        proxy.close();
        nodes.forEach(Node::stop);
        database.drop();
    }
}
