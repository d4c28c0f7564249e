package dev.profilekit.keycloak.profile.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * On-demand benchmark (not a test: {@code ./mvnw verify -Pbenchmark -Dit.test=ApiTokenBenchmark}): in one run against
 * the fixture server, API-token exchange next to {@code client_credentials}, and API-token introspection next to
 * introspection of a normal access token. 16 concurrent callers on loopback, warm-up then a fixed measurement per
 * scenario. Prints a table and writes it to {@code target/benchmark-api-tokens.txt}.
 */
@KeycloakIntegrationTest
class ApiTokenBenchmark {

    private static final int THREADS = Integer.getInteger("bench.threads", 16);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 5));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.measure-seconds", 12));
    /** The measurement of each scenario is split into this many slices, run in turn, so that load drift hits all alike. */
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    private static final String CLIENT = "api-resource-server";
    private static final String SECRET = "api-resource-server-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private record Result(String scenario, long requests, long errors, double perSecond, double p50Millis, double p99Millis) {
    }

    @Test
    void exchangeAndIntrospection(KeycloakServer server, TestUsers users) throws Exception {
        String base = "http://127.0.0.1:" + URI.create(server.baseUrl()).getPort() + "/realms/" + TestConfig.DEMO_REALM;
        String tokenUrl = base + "/protocol/openid-connect/token";
        String introspectUrl = tokenUrl + "/introspect";
        TestUser user = users.create("bench");
        String accountToken = new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(user.username(), user.password());
        // the account token was issued for "localhost": the REST call must use the same host name (issuer check)
        String apiToken = createApiToken(server.baseUrl() + "/realms/" + TestConfig.DEMO_REALM, accountToken);

        Map<String, String> clientCredentials = Map.of("grant_type", "client_credentials", "client_id", CLIENT, "client_secret", SECRET);
        Map<String, String> exchange = Map.of("grant_type", "urn:profilekit:params:oauth:grant-type:api-token",
                "client_id", "api-cli", "api_token", apiToken);
        String accessToken = JSON.readTree(post(tokenUrl, clientCredentials).body()).get("access_token").asText();
        Map<String, String> introspectAccess = Map.of("client_id", CLIENT, "client_secret", SECRET, "token", accessToken);
        Map<String, String> introspectApi = Map.of("client_id", CLIENT, "client_secret", SECRET, "token", apiToken,
                "token_type_hint", "api_token");
        assertThat(JSON.readTree(post(introspectUrl, introspectAccess).body()).get("active").asBoolean()).isTrue();
        assertThat(JSON.readTree(post(introspectUrl, introspectApi).body()).get("active").asBoolean()).isTrue();
        assertThat(post(tokenUrl, exchange).statusCode()).isEqualTo(200);

        List<Scenario> scenarios = List.of(
                new Scenario("client_credentials grant", tokenUrl, clientCredentials, "access_token"),
                new Scenario("API token exchange", tokenUrl, exchange, "access_token"),
                new Scenario("introspect access token", introspectUrl, introspectAccess, "\"active\":true"),
                new Scenario("introspect API token", introspectUrl, introspectApi, "\"active\":true"));
        Map<Scenario, List<Samples>> samples = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            measure(scenario, WARM_UP);
            samples.put(scenario, new ArrayList<>());
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (Scenario scenario : scenarios) {
                samples.get(scenario).add(measure(scenario, MEASURE.dividedBy(ROUNDS)));
            }
        }
        List<Result> results = scenarios.stream().map(scenario -> summarise(scenario.name(), samples.get(scenario))).toList();

        String table = table(results);
        System.out.println(table);
        Path file = Path.of("target", "benchmark-api-tokens.txt");
        Files.writeString(file, table);
        assertThat(results).allMatch(result -> result.requests() > 0);
    }

    private String createApiToken(String base, String accountToken) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api-tokens"))
                .header("Authorization", "Bearer " + accountToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\",\"scope\":\"read-write\",\"allowList\":\"127.0.0.0/8, ::1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        return body.get("value").asText();
    }

    private record Scenario(String name, String url, Map<String, String> form, String expected) {
    }

    private record Samples(long[][] latencies, int[] counts, long errors, long elapsedNanos) {
    }

    private Samples measure(Scenario scenario, Duration duration) throws Exception {
        String expected = scenario.expected();
        HttpRequest request = HttpRequest.newBuilder(URI.create(scenario.url()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(scenario.form())))
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long[][] latencies = new long[THREADS][];
        int[] counts = new int[THREADS];
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 || !response.body().contains(expected)) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - before;
                }
                latencies[thread] = mine;
                counts[thread] = n;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new Samples(latencies, counts, errors.get(), elapsed);
    }

    private static Result summarise(String scenario, List<Samples> slices) {
        int total = slices.stream().mapToInt(slice -> Arrays.stream(slice.counts()).sum()).sum();
        long[] all = new long[total];
        int at = 0;
        for (Samples slice : slices) {
            for (int t = 0; t < slice.counts().length; t++) {
                System.arraycopy(slice.latencies()[t], 0, all, at, slice.counts()[t]);
                at += slice.counts()[t];
            }
        }
        Arrays.sort(all);
        long errors = slices.stream().mapToLong(Samples::errors).sum();
        double seconds = slices.stream().mapToLong(Samples::elapsedNanos).sum() / 1e9;
        return new Result(scenario, total, errors, total / seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String table(List<Result> results) {
        StringBuilder out = new StringBuilder(String.format("API token benchmark: %d concurrent callers, %d s warm-up, %d s measured per scenario in %d interleaved slices%n%n",
                THREADS, WARM_UP.toSeconds(), MEASURE.toSeconds(), ROUNDS));
        out.append(String.format("%-26s %10s %7s %10s %9s %9s%n", "scenario", "requests", "errors", "req/s", "p50 ms", "p99 ms"));
        for (Result r : results) {
            out.append(String.format("%-26s %10d %7d %10.0f %9.1f %9.1f%n", r.scenario(), r.requests(), r.errors(), r.perSecond(), r.p50Millis(), r.p99Millis()));
        }
        Map<String, Result> byName = results.stream().collect(Collectors.toMap(Result::scenario, r -> r, (a, b) -> a, LinkedHashMap::new));
        double exchangeRatio = byName.get("API token exchange").perSecond() / byName.get("client_credentials grant").perSecond();
        double introspectRatio = byName.get("introspect API token").perSecond() / byName.get("introspect access token").perSecond();
        out.append(String.format("%nexchange / client_credentials throughput:        %.2fx (target >= 0.90x)%n", exchangeRatio));
        out.append(String.format("API-token / access-token introspection throughput: %.2fx (target >= 0.50x)%n", introspectRatio));
        return out.toString();
    }

    private HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
