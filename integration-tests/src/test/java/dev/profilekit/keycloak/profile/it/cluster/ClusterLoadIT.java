package dev.profilekit.keycloak.profile.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profilekit.keycloak.profile.it.apitoken.ApiTokenApi;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.LoopbackClient;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded load on both cluster nodes at once (loopback only, a fixed amount of work, no timing assertions): many
 * threads create API tokens and app passwords on one node and use them on the other, revoke and delete some, and
 * check every answer. Every user is driven by two threads at once, one on each node, so the same user's rows and
 * credentials are written concurrently by both nodes. Only the two threads' sign-ins of one user take turns: Keycloak's
 * default brute-force protector refuses a second login of a user while the first is still running (its
 * {@code allowConcurrentRequests} option, see README "Operating in production"). Then: no 5xx and no unexpected status, every created row is in the database exactly once and
 * every removed one is gone, and no node logged an error or a deadlock while the load ran (JGroups logs harmless
 * errors while the nodes first connect, before the load). Throughput and counts go to
 * {@code target/cluster-load.txt}.
 */
@EnabledIfSystemProperty(named = "keycloak.db", matches = "postgres", disabledReason = "needs PostgreSQL: runs with -Dit.db=postgres")
@ExtendWith(KeycloakClusterExtension.class)
class ClusterLoadIT {

    private static final int THREADS = 12;
    private static final int ROUNDS_PER_THREAD = 20;
    private static final String APP_PASSWORDS = "app-passwords";
    private static final Pattern TROUBLE = Pattern.compile("(?i)deadlock| ERROR \\[");

    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

    /** What one thread created and removed, to compare with the database afterwards. */
    private record Work(TestUser user, Set<String> tokensKept, Set<String> tokensRevoked, Set<String> appPasswordsKept,
                        Set<String> appPasswordsDeleted) {
    }

    @Test
    void concurrentCreatesAndUsesOnBothNodesLoseNothing(KeycloakCluster cluster) throws Exception {
        try (TestUsers users = new TestUsers(cluster.admin(cluster.a()))) {
            List<TestUser> people = new ArrayList<>();
            List<String> accountTokens = new ArrayList<>();
            for (int i = 0; i < THREADS / 2; i++) {
                TestUser user = users.create("load");
                people.add(user);
                accountTokens.add(new AccountConsoleLogin(cluster.proxy(), TestConfig.DEMO_REALM).accessToken(user.username(), user.password()));
            }

            Map<KeycloakCluster.Node, Integer> logLinesBefore = new HashMap<>();
            for (KeycloakCluster.Node node : cluster.nodes()) {
                logLinesBefore.put(node, Files.readAllLines(node.log()).size());
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Work>> running = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < THREADS; i++) {
                int thread = i;
                running.add(pool.submit(() -> run(cluster, thread, people.get(thread / 2), accountTokens.get(thread / 2))));
            }
            List<Work> done = new ArrayList<>();
            for (Future<Work> work : running) {
                done.add(work.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();

            long requests = answers.values().stream().mapToLong(LongAdder::sum).sum();
            report(seconds, requests, done);
            assertThat(unexpected).as("unexpected answers").isEmpty();
            assertThat(answers.keySet()).as("answers by kind and status").noneMatch(key -> key.endsWith(" 5xx"));
            for (TestUser user : people) {
                assertRowsMatch(cluster, user, done.stream().filter(work -> work.user().equals(user)).toList());
            }
            for (KeycloakCluster.Node node : cluster.nodes()) {
                List<String> logged = Files.readAllLines(node.log());
                assertThat(logged.subList(logLinesBefore.get(node), logged.size())).as(node + " log during the load")
                        .noneMatch(line -> TROUBLE.matcher(line).find());
            }
        }
    }

    private Work run(KeycloakCluster cluster, int thread, TestUser user, String accountToken) throws IOException, InterruptedException {
        Work work = new Work(user, new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        for (int round = 0; round < ROUNDS_PER_THREAD; round++) {
            KeycloakCluster.Node here = cluster.nodes().get((thread + round) % 2);
            KeycloakCluster.Node there = cluster.nodes().get((thread + round + 1) % 2);
            ApiTokenApi tokensHere = new ApiTokenApi(here);
            ApiTokenApi tokensThere = new ApiTokenApi(there);

            ApiTokenApi.Answer created = tokensHere.create(accountToken, Map.of("name", "load " + thread + "/" + round, "scope", "read-only"));
            if (!expect("create API token", created.status(), 201, created.body())) {
                continue;
            }
            String tokenId = created.body().at("/token/id").asText();
            String token = created.body().path("value").asText();
            ApiTokenApi.Answer exchanged = tokensThere.exchange(token);
            expect("exchange API token", exchanged.status(), 200, exchanged.body());

            AccountApi passwordsHere = new AccountApi(here, accountToken);
            AccountApi.Answer appPassword = passwordsHere.post(APP_PASSWORDS, Map.of("name", "load " + thread + "/" + round, "clientId", "mail"));
            if (!expect("create app password", appPassword.status(), 201, appPassword.body())) {
                continue;
            }
            String appPasswordId = appPassword.body().at("/appPassword/id").asText();
            LoopbackClient.Answer signedIn;
            synchronized (user) {
                signedIn = MailClient.signIn(there, "127.0.0.1", user, appPassword.body().path("password").asText());
            }
            expect("sign in with app password", signedIn.status(), 200, signedIn.body());

            if (round % 3 == 2) {
                ApiTokenApi.Answer revoked = tokensThere.revoke(accountToken, tokenId);
                expect("revoke API token", revoked.status(), 204, revoked.body());
                ApiTokenApi.Answer refused = tokensHere.exchange(token);
                expect("exchange revoked API token", refused.status(), 400, refused.body());
                work.tokensRevoked().add(tokenId);

                AccountApi.Answer deleted = new AccountApi(there, accountToken).delete(APP_PASSWORDS + "/" + appPasswordId);
                expect("delete app password", deleted.status(), 204, deleted.body());
                work.appPasswordsDeleted().add(appPasswordId);
            } else {
                work.tokensKept().add(tokenId);
                work.appPasswordsKept().add(appPasswordId);
            }
        }
        return work;
    }

    private boolean expect(String kind, int status, int expected, JsonNode body) {
        answers.computeIfAbsent(kind + " " + (status >= 500 ? "5xx" : String.valueOf(status)), key -> new LongAdder()).increment();
        if (status != expected) {
            unexpected.add(kind + ": " + status + " " + body);
        }
        return status == expected;
    }


    private static void assertRowsMatch(KeycloakCluster cluster, TestUser user, List<Work> works) throws SQLException {
        List<String> tokensKept = works.stream().flatMap(work -> work.tokensKept().stream()).toList();
        List<String> appPasswordsKept = works.stream().flatMap(work -> work.appPasswordsKept().stream()).toList();
        try (Connection db = cluster.database().connect()) {
            assertThat(ids(db, "SELECT ID FROM PROFILEKIT_API_TOKEN WHERE USER_ID = ?", user.id()))
                    .as("API token rows of " + user.username()).containsExactlyInAnyOrderElementsOf(tokensKept);
            assertThat(ids(db, "SELECT ID FROM CREDENTIAL WHERE USER_ID = ? AND TYPE = 'app-password'", user.id()))
                    .as("app password rows of " + user.username()).containsExactlyInAnyOrderElementsOf(appPasswordsKept);
        }
    }

    private static List<String> ids(Connection db, String sql, String userId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, userId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private void report(double seconds, long requests, List<Work> done) throws IOException {
        StringBuilder text = new StringBuilder()
                .append(String.format("Cluster load: %d threads (2 per user, one per node) x %d rounds, %d requests in %.1f s = %.0f requests/s%n",
                        THREADS, ROUNDS_PER_THREAD, requests, seconds, requests / seconds))
                .append(String.format("API tokens created %d (revoked %d), app passwords created %d (deleted %d)%n",
                        done.stream().mapToInt(w -> w.tokensKept().size() + w.tokensRevoked().size()).sum(),
                        done.stream().mapToInt(w -> w.tokensRevoked().size()).sum(),
                        done.stream().mapToInt(w -> w.appPasswordsKept().size() + w.appPasswordsDeleted().size()).sum(),
                        done.stream().mapToInt(w -> w.appPasswordsDeleted().size()).sum()))
                .append(String.format("unexpected answers: %d%n", unexpected.size()));
        new TreeMap<>(answers).forEach((kind, count) -> text.append(String.format("  %-40s %6d%n", kind, count.sum())));
        System.out.print(text);
        Files.writeString(Path.of(TestConfig.require("keycloak.home")).resolveSibling("cluster-load.txt"), text);
    }
}
