package dev.profilekit.keycloak.profile.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profilekit.keycloak.profile.apitoken.ApiTokenFormat;
import dev.profilekit.keycloak.profile.apppassword.AppPasswordFormat;
import dev.profilekit.keycloak.profile.common.secret.SecretGenerator;
import dev.profilekit.keycloak.profile.it.apitoken.ApiTokenApi;
import dev.profilekit.keycloak.profile.it.security.RefusalTiming.Answer;
import dev.profilekit.keycloak.profile.it.security.RefusalTiming.Outcome;
import dev.profilekit.keycloak.profile.it.security.RefusalTiming.Request;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.LoopbackClient;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * A caller learns nothing from a refusal: an unknown id, a wrong secret, a malformed value, an expired or a revoked
 * token (or app password) get byte-identical answers and take about as long. Each kind is sent {@value #ROUNDS} times,
 * interleaved, after {@value #WARM_UP_ROUNDS} unmeasured rounds; the medians are printed.
 *
 * <p>Bound on the kinds' medians: the slowest and the fastest differ by less than {@value #MAX_SPREAD_MILLIS} ms and
 * by less than half of the middle one. A refused secret costs at most one primary-key lookup and one SHA-256
 * (≈ 0.1 µs); an extra database, user or hash step on one path (a millisecond or more here) breaks the bound. A
 * malformed value needs no lookup at all and may be a little faster: that tells only whether its checksum is right,
 * which anybody can compute.
 *
 * <p>One deliberate exception: at the exchange, a wrong secret for an existing token id is a failed login of its owner
 * (brute-force detection), and reporting it to Keycloak's protector costs ≈ 0.7 ms (measured here, with the detection
 * switched off the difference vanishes). It is held to its own bound over the slowest other kind: less than
 * {@value #BRUTE_FORCE_BOOKKEEPING_MILLIS} ms or half of that kind's median (the bookkeeping slows down with the
 * machine). It tells only that a 12-character id exists (31^12 ids cannot be enumerated) and
 * never anything about the secret.
 */
@KeycloakIntegrationTest
class IndistinguishableRefusalsIT {

    private static final int WARM_UP_ROUNDS = 10;
    private static final int ROUNDS = 40;
    private static final double MAX_SPREAD_MILLIS = 20;
    private static final double BRUTE_FORCE_BOOKKEEPING_MILLIS = 2;
    private static final String WRONG_SECRET = "wrong secret";
    private static final String TOKEN_PATH = "/realms/" + TestConfig.DEMO_REALM + "/protocol/openid-connect/token";
    private static final String INTROSPECT_PATH = TOKEN_PATH + "/introspect";
    private static final SecretGenerator RANDOM = new SecretGenerator();

    private TestUser user;
    private String consoleToken;
    private LoopbackClient loopback;

    @BeforeEach
    void logIn(KeycloakServer server, TestUsers users) throws Exception {
        user = users.create("refusals");
        consoleToken = new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(user.username(), user.password());
        loopback = new LoopbackClient(server);
    }

    @Test
    void apiTokenExchangeRefusals(KeycloakServer server) throws Exception {
        Map<String, String> tokens = refusedApiTokens(server);

        Map<String, Outcome> outcomes = assertIndistinguishable("exchange", tokens, WRONG_SECRET, token -> () -> post(TOKEN_PATH, Map.of(
                "grant_type", ApiTokenApi.GRANT_TYPE, "client_id", ApiTokenApi.CLI_CLIENT, "api_token", token)));

        double othersSlowest = outcomes.entrySet().stream().filter(outcome -> !outcome.getKey().equals(WRONG_SECRET))
                .mapToDouble(outcome -> outcome.getValue().medianMillis()).max().orElseThrow();
        assertThat(outcomes.get(WRONG_SECRET).medianMillis() - othersSlowest).as("brute-force bookkeeping of a wrong secret")
                .isLessThan(Math.max(BRUTE_FORCE_BOOKKEEPING_MILLIS, othersSlowest / 2));
    }

    @Test
    void apiTokenIntrospectionRefusals(KeycloakServer server) throws Exception {
        Map<String, String> tokens = refusedApiTokens(server);

        assertIndistinguishable("introspection", tokens, null, token -> () -> post(INTROSPECT_PATH, Map.of(
                "client_id", ApiTokenApi.RESOURCE_SERVER, "client_secret", ApiTokenApi.RESOURCE_SERVER_SECRET,
                "token", token, "token_type_hint", "api_token")));
    }

    /**
     * Measured with the realm's brute-force detection off: with it on, Keycloak refuses the user after two quick
     * failures before any app password is looked at, which would hide the differences this test looks for.
     */
    @Test
    void appPasswordRefusals(KeycloakServer server, TestUsers users) throws Exception {
        AccountApi account = new AccountApi(server, consoleToken);
        String real = account.post("app-passwords", Map.of("name", "Mail", "clientId", "mail")).body().get("password").asText();
        JsonNode old = account.post("app-passwords", Map.of("name", "Old", "clientId", "mail")).body();
        assertThat(account.delete("app-passwords/" + old.at("/appPassword/id").asText()).status()).isEqualTo(204);
        AppPasswordFormat format = new AppPasswordFormat(RANDOM);
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put("unknown id", format.generate().value());
        passwords.put(WRONG_SECRET, real.substring(0, 5) + format.generate().value().substring(5));
        passwords.put("malformed", real.substring(0, real.length() - 1));
        passwords.put("revoked", old.get("password").asText());

        try (BruteForceDetectionOff off = new BruteForceDetectionOff(users.realm())) {
            assertIndistinguishable("app password", passwords, null, password -> () -> post(TOKEN_PATH, Map.of(
                    "grant_type", "password", "client_id", "mail", "username", user.username(), "password", password)));
        }
    }

    /** One refused API token of each kind, all of this test's user. */
    private Map<String, String> refusedApiTokens(KeycloakServer server) throws Exception {
        ApiTokenApi api = new ApiTokenApi(server);
        Instant expiry = Instant.now().plusSeconds(3);
        ApiTokenApi.Answer expiring = api.create(consoleToken, Map.of("name", "expiring", "scope", "read-only", "expiresAt", expiry.toString()));
        assertThat(expiring.status()).as(expiring.toString()).isEqualTo(201);
        JsonNode real = api.createOk(consoleToken, "read-only", "");
        JsonNode revoked = api.createOk(consoleToken, "read-only", "");
        assertThat(api.revoke(consoleToken, revoked.at("/token/id").asText()).status()).isEqualTo(204);
        String value = real.get("value").asText();

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("unknown id", ApiTokenFormat.format(RANDOM.randomId(ApiTokenFormat.ID_LENGTH), RANDOM.randomId(ApiTokenFormat.SECRET_LENGTH)));
        tokens.put(WRONG_SECRET, ApiTokenFormat.format(real.at("/token/id").asText(), RANDOM.randomId(ApiTokenFormat.SECRET_LENGTH)));
        tokens.put("malformed", value.substring(0, value.length() - 1) + (value.endsWith("a") ? "b" : "a"));
        tokens.put("expired", expiring.body().get("value").asText());
        tokens.put("revoked", revoked.get("value").asText());
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 200);
        return tokens;
    }

    /**
     * Asserts identical answers, and medians within the bound; the median of kind {@code heldApart} (if not
     * {@code null}) is left out of the bound, for the caller to check on its own.
     */
    private Map<String, Outcome> assertIndistinguishable(String channel, Map<String, String> values, String heldApart,
                                                         Function<String, Request> request) throws Exception {
        Map<String, Request> kinds = new LinkedHashMap<>();
        values.forEach((kind, value) -> kinds.put(kind, request.apply(value)));

        Map<String, Outcome> outcomes = RefusalTiming.measure(kinds, WARM_UP_ROUNDS, ROUNDS);

        Map<String, String> medians = new LinkedHashMap<>();
        outcomes.forEach((kind, outcome) -> medians.put(kind, String.format("%.2f ms", outcome.medianMillis())));
        System.out.println("Median time of a refused " + channel + " (" + ROUNDS + " each): " + medians);
        Answer first = outcomes.values().iterator().next().distinctAnswers().get(0);
        assertThat(outcomes).allSatisfy((kind, outcome) ->
                assertThat(outcome.distinctAnswers()).as(channel + ", " + kind).containsExactly(first));
        List<Long> micros = outcomes.entrySet().stream().filter(outcome -> !outcome.getKey().equals(heldApart))
                .map(outcome -> Math.round(outcome.getValue().medianMillis() * 1000)).toList();
        double spread = (Collections.max(micros) - Collections.min(micros)) / 1000.0;
        double typical = RefusalTiming.median(micros) / 1000.0;
        assertThat(spread).as(channel + " medians " + medians).isLessThan(MAX_SPREAD_MILLIS).isLessThan(typical / 2);
        return outcomes;
    }

    private Answer post(String path, Map<String, String> form) throws Exception {
        LoopbackClient.Answer answer = loopback.postForm("127.0.0.1", path, form);
        return new Answer(answer.status(), answer.text());
    }

    /** Switches the realm's brute-force detection off, and back on when closed. */
    private static final class BruteForceDetectionOff implements AutoCloseable {

        private final RealmResource realm;

        BruteForceDetectionOff(RealmResource realm) {
            this.realm = realm;
            set(false);
        }

        private void set(boolean on) {
            RealmRepresentation update = new RealmRepresentation();
            update.setBruteForceProtected(on);
            realm.update(update);
        }

        @Override
        public void close() {
            set(true);
        }
    }
}
