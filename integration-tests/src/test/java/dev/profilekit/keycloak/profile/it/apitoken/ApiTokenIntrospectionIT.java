package dev.profilekit.keycloak.profile.it.apitoken;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profilekit.keycloak.profile.it.apitoken.ApiTokenApi.Answer;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 7662 introspection of raw API tokens ({@code token_type_hint=api_token}) by a confidential resource server. */
@KeycloakIntegrationTest
class ApiTokenIntrospectionIT {

    private ApiTokenApi api;
    private TestUser user;
    private String accountToken;

    @BeforeEach
    void logIn(KeycloakServer server, TestUsers users) throws Exception {
        this.api = new ApiTokenApi(server);
        this.user = users.create("api-introspect");
        this.accountToken = new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(user.username(), user.password());
    }

    @Test
    void anActiveTokenIsDescribed() throws Exception {
        Instant expiry = Instant.now().plusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Answer created = api.create(accountToken, Map.of("name", "ci", "scope", "read-write", "allowList", "10.0.0.0/8, 2001:db8::/32",
                "expiresAt", expiry.toString()));
        String id = created.body().at("/token/id").asText();

        Answer answer = api.introspect(created.body().get("value").asText(), "api_token");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("sub").asText()).isEqualTo(user.id());
        assertThat(body.get("username").asText()).isEqualTo(user.username());
        assertThat(body.get("scope").asText()).isEqualTo("api:read api:write");
        assertThat(body.get("exp").asLong()).isEqualTo(expiry.getEpochSecond());
        assertThat(body.get("iat").asLong()).isBetween(Instant.now().minusSeconds(60).getEpochSecond(), Instant.now().getEpochSecond());
        assertThat(body.get("jti").asText()).isEqualTo(id);
        assertThat(body.get("token_type").asText()).isEqualTo("api_token");
        assertThat(body.get("iss").asText()).endsWith("/realms/demo");
        assertThat(body.get("allowed_ips")).hasSize(2);
        assertThat(body.get("allowed_ips").get(0).asText()).isEqualTo("10.0.0.0/8");
    }

    @Test
    void aReadOnlyTokenHasOnlyTheReadScope() throws Exception {
        String token = api.createOk(accountToken, "read-only", "").get("value").asText();

        JsonNode body = api.introspect(token, "api_token").body();

        assertThat(body.get("scope").asText()).isEqualTo("api:read");
        assertThat(body.get("allowed_ips")).isEmpty();
    }

    @Test
    void revokedUnknownAndMalformedTokensAreInactive() throws Exception {
        JsonNode created = api.createOk(accountToken, "read-only", "");
        String token = created.get("value").asText();
        api.revoke(accountToken, created.at("/token/id").asText());

        for (String inactive : new String[] {token, "pkat_abcdefghjkmn_pqrstuvwxyz23456789abcdefghjaaaaaa", "not-a-token", ""}) {
            Answer answer = api.introspect(inactive, "api_token");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().toString()).isEqualTo("{\"active\":false}");
        }
    }

    @Test
    void aPublicClientMayNotIntrospect() throws Exception {
        String token = api.createOk(accountToken, "read-only", "").get("value").asText();

        Answer answer = api.postForm("127.0.0.1", "/realms/demo/protocol/openid-connect/token/introspect",
                Map.of("client_id", ApiTokenApi.CLI_CLIENT, "token", token, "token_type_hint", "api_token"));

        assertThat(answer.status()).isIn(401, 403);
    }

    @Test
    void anExchangedAccessTokenIsActiveForTheResourceServer() throws Exception {
        String token = api.createOk(accountToken, "read-only", "").get("value").asText();
        String accessToken = api.exchange(token).text("access_token");

        JsonNode body = api.introspect(accessToken, null).body();

        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("sub").asText()).isEqualTo(user.id());
        assertThat(body.get("scope").asText()).contains("api:read").doesNotContain("api:write");
    }
}
