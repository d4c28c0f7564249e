package dev.profilekit.keycloak.profile.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.keycloak.profile.bench.LoadDriver.Result;
import dev.profilekit.keycloak.profile.bench.LoadDriver.Scenario;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On-demand benchmark (not a test: {@code ./mvnw verify -Pbenchmark -Dit.test=AppPasswordBenchmark}): in one run against
 * the fixture server, the password grant with an app password for a user holding 1 vs 50 app passwords, next to the
 * same grant with the user's main password (Argon2). Writes {@code target/benchmark-app-passwords.txt}.
 */
@KeycloakIntegrationTest
class AppPasswordBenchmark {

    private static final String APP = "calendar";

    private final LoadDriver load = new LoadDriver();

    @Test
    void passwordGrants(KeycloakServer server, TestUsers users) throws Exception {
        String tokenUrl = "http://127.0.0.1:" + URI.create(server.baseUrl()).getPort() + "/realms/" + TestConfig.DEMO_REALM
                + "/protocol/openid-connect/token";
        // One user per caller: Keycloak's brute-force protector refuses concurrent logins of the same user.
        List<Map<String, String>> withOne = new ArrayList<>();
        List<Map<String, String>> withFifty = new ArrayList<>();
        List<Map<String, String>> mainPassword = new ArrayList<>();
        for (int caller = 0; caller < LoadDriver.THREADS; caller++) {
            TestUser one = users.create("bench-ap1");
            TestUser fifty = users.create("bench-ap50");
            TestUser main = users.create("bench-main");
            withOne.add(grant(one, createAppPasswords(server, one, 1)));
            withFifty.add(grant(fifty, createAppPasswords(server, fifty, 50)));
            mainPassword.add(grant(main, main.password()));
        }

        Map<String, Result> results = load.run(List.of(
                new Scenario("app password, users with 1", tokenUrl, withOne, "access_token"),
                new Scenario("app password, users with 50", tokenUrl, withFifty, "access_token"),
                new Scenario("main password (Argon2)", tokenUrl, mainPassword, "access_token")));

        double fiftyVsOne = results.get("app password, users with 50").perSecond() / results.get("app password, users with 1").perSecond();
        double appVsMain = results.get("app password, users with 1").perSecond() / results.get("main password (Argon2)").perSecond();
        LoadDriver.report("app-passwords", "App password benchmark (password grant, client '" + APP + "', one user per caller)", results,
                String.format("50 vs 1 app passwords throughput:         %.2fx (target >= 0.90x)%n"
                        + "app password vs main password throughput: %.1fx (target >= 10x)%n", fiftyVsOne, appVsMain));
        assertThat(results.values()).allMatch(result -> result.requests() > 0);
    }

    /** Creates {@code count} app passwords for {@code APP} and returns the last one's password. */
    private static String createAppPasswords(KeycloakServer server, TestUser user, int count) throws Exception {
        AccountApi api = AccountApi.logIn(server, user);
        String password = null;
        for (int i = 1; i <= count; i++) {
            AccountApi.Answer created = api.post("app-passwords", Map.of("name", "device " + i, "clientId", APP));
            assertThat(created.status()).isEqualTo(201);
            password = created.body().get("password").asText();
        }
        return password;
    }

    private static Map<String, String> grant(TestUser user, String password) {
        return Map.of("grant_type", "password", "client_id", APP, "username", user.username(), "password", password);
    }
}
