package dev.profilekit.keycloak.profile.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profilekit.keycloak.profile.bench.LoadDriver.Result;
import dev.profilekit.keycloak.profile.bench.LoadDriver.Scenario;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On-demand benchmark (not a test: {@code ./mvnw verify -Pbenchmark -Dit.test=ApiTokenBenchmark}): in one run against
 * the fixture server, API-token exchange next to {@code client_credentials}, and API-token introspection next to
 * introspection of a normal access token. Writes {@code target/benchmark-api-tokens.txt}.
 */
@KeycloakIntegrationTest
class ApiTokenBenchmark {

    private static final String CLIENT = "api-resource-server";
    private static final String SECRET = "api-resource-server-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadDriver load = new LoadDriver();

    @Test
    void exchangeAndIntrospection(KeycloakServer server, TestUsers users) throws Exception {
        String base = "http://127.0.0.1:" + URI.create(server.baseUrl()).getPort() + "/realms/" + TestConfig.DEMO_REALM;
        String tokenUrl = base + "/protocol/openid-connect/token";
        String introspectUrl = tokenUrl + "/introspect";
        AccountApi account = AccountApi.logIn(server, users.create("bench"));
        AccountApi.Answer created = account.post("api-tokens", Map.of("name", "benchmark", "scope", "read-write", "allowList", "127.0.0.0/8, ::1"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String apiToken = created.body().get("value").asText();

        Map<String, String> clientCredentials = Map.of("grant_type", "client_credentials", "client_id", CLIENT, "client_secret", SECRET);
        Map<String, String> exchange = Map.of("grant_type", "urn:profilekit:params:oauth:grant-type:api-token",
                "client_id", "api-cli", "api_token", apiToken);
        String accessToken = JSON.readTree(load.post(tokenUrl, clientCredentials).body()).get("access_token").asText();
        Map<String, String> introspectAccess = Map.of("client_id", CLIENT, "client_secret", SECRET, "token", accessToken);
        Map<String, String> introspectApi = Map.of("client_id", CLIENT, "client_secret", SECRET, "token", apiToken,
                "token_type_hint", "api_token");
        assertThat(JSON.readTree(load.post(introspectUrl, introspectAccess).body()).get("active").asBoolean()).isTrue();
        assertThat(JSON.readTree(load.post(introspectUrl, introspectApi).body()).get("active").asBoolean()).isTrue();
        assertThat(load.post(tokenUrl, exchange).statusCode()).isEqualTo(200);

        Map<String, Result> results = load.run(List.of(
                new Scenario("client_credentials grant", tokenUrl, clientCredentials, "access_token"),
                new Scenario("API token exchange", tokenUrl, exchange, "access_token"),
                new Scenario("introspect access token", introspectUrl, introspectAccess, "\"active\":true"),
                new Scenario("introspect API token", introspectUrl, introspectApi, "\"active\":true")));

        double exchangeRatio = results.get("API token exchange").perSecond() / results.get("client_credentials grant").perSecond();
        double introspectRatio = results.get("introspect API token").perSecond() / results.get("introspect access token").perSecond();
        LoadDriver.report("api-tokens", "API token benchmark", results, String.format(
                "exchange / client_credentials throughput:          %.2fx (target >= 0.90x)%n"
                        + "API-token / access-token introspection throughput: %.2fx (target >= 0.50x)%n", exchangeRatio, introspectRatio));
        assertThat(results.values()).allMatch(result -> result.requests() > 0);
    }
}
