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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;

/** The admin REST API {@code /admin/realms/{realm}/api-tokens}: a user's tokens and the realm policy, with admin events. */
@KeycloakIntegrationTest
class ApiTokenAdminIT {

    private static final String ADMIN_PATH = "/admin/realms/" + TestConfig.DEMO_REALM + "/api-tokens";

    private ApiTokenApi api;
    private Keycloak admin;
    private TestUsers users;
    private TestUser user;
    private String accountToken;
    private JsonNode originalPolicy;

    @BeforeEach
    void setUp(KeycloakServer server, Keycloak admin, TestUsers users) throws Exception {
        this.api = new ApiTokenApi(server);
        this.admin = admin;
        this.users = users;
        this.user = users.create("api-admin");
        this.accountToken = new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(user.username(), user.password());
        this.originalPolicy = asAdmin("GET", "/policy", null).body();
    }

    @AfterEach
    void restorePolicy() throws Exception {
        asAdmin("PUT", "/policy", originalPolicy);
    }

    @Test
    void anAdminListsAndRevokesAUsersTokens() throws Exception {
        JsonNode created = api.createOk(accountToken, "read-write", "10.0.0.0/8");
        String id = created.at("/token/id").asText();

        Answer list = asAdmin("GET", "/users/" + user.id(), null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(1);
        assertThat(list.body().get(0).get("id").asText()).isEqualTo(id);
        assertThat(list.body().toString()).doesNotContain(created.get("value").asText().substring(18));

        assertThat(asAdmin("DELETE", "/users/" + user.id() + "/" + id, null).status()).isEqualTo(204);

        assertThat(api.list(accountToken).body()).isEmpty();
        assertThat(api.introspect(created.get("value").asText(), "api_token").body().get("active").asBoolean()).isFalse();
        List<AdminEventRepresentation> events = users.realm().getAdminEvents(List.of("DELETE"), null, null, null, null,
                "api-tokens/users/" + user.id() + "/" + id, null, null, 0, 5);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getResourceType()).isEqualTo("PROFILEKIT_API_TOKEN");
        assertThat(asAdmin("DELETE", "/users/" + user.id() + "/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void unknownUsersAre404() throws Exception {
        assertThat(asAdmin("GET", "/users/no-such-user", null).status()).isEqualTo(404);
    }

    @Test
    void usersCannotCallTheAdminApi() throws Exception {
        assertThat(api.send("GET", ADMIN_PATH + "/users/" + user.id(), accountToken, null).status()).isIn(401, 403);
        assertThat(api.send("PUT", ADMIN_PATH + "/policy", accountToken, Map.of("readWriteAllowed", true)).status()).isIn(401, 403);
        assertThat(api.send("GET", ADMIN_PATH + "/policy", null, null).status()).isEqualTo(401);
    }

    @Test
    void thePolicyRestrictsNewTokensAndIsAnAdminEvent() throws Exception {
        String readWrite = api.createOk(accountToken, "read-write", "").get("value").asText();
        Answer updated = asAdmin("PUT", "/policy", Map.of("maxLifetimeDays", 30, "allowListRequired", true, "readWriteAllowed", false));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().toString()).isEqualTo("{\"maxLifetimeDays\":30,\"allowListRequired\":true,\"readWriteAllowed\":false}");
        assertThat(asAdmin("GET", "/policy", null).body()).isEqualTo(updated.body());
        assertThat(api.exchange("127.0.0.1", readWrite, "api:write").text("error")).as("existing read-write tokens lose write at once")
                .isEqualTo("invalid_scope");
        assertThat(api.introspect(readWrite, "api_token").text("scope")).isEqualTo("api:read");
        assertThat(createError(Map.of("name", "rw", "scope", "read-write", "allowList", "10.0.0.1"))).isEqualTo("apiTokenReadWriteNotAllowed");
        assertThat(createError(Map.of("name", "any", "scope", "read-only"))).isEqualTo("apiTokenAllowListRequired");
        assertThat(createError(Map.of("name", "long", "scope", "read-only", "allowList", "10.0.0.1",
                "expiresAt", Instant.now().plus(31, ChronoUnit.DAYS).toString()))).isEqualTo("apiTokenExpiryTooFar");
        Answer ok = api.create(accountToken, Map.of("name", "ok", "scope", "read-only", "allowList", "10.0.0.1"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(Instant.parse(ok.body().at("/token/expiresAt").asText())).as("default capped by the policy")
                .isBefore(Instant.now().plus(30, ChronoUnit.DAYS).plusSeconds(60));

        List<AdminEventRepresentation> events = users.realm().getAdminEvents(List.of("UPDATE"), null, null, null, null,
                "api-tokens/policy", null, null, 0, 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getResourceType()).isEqualTo("PROFILEKIT_API_TOKEN_POLICY");
    }

    @Test
    void anInvalidPolicyIs400AndChangesNothing() throws Exception {
        for (int days : new int[] {0, -1, 3651}) {
            Answer answer = asAdmin("PUT", "/policy", Map.of("maxLifetimeDays", days, "readWriteAllowed", false));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.text("errorMessage")).isEqualTo("apiTokenPolicyMaxLifetimeInvalid");
        }
        assertThat(asAdmin("GET", "/policy", null).body()).isEqualTo(originalPolicy);
    }

    private String createError(Map<String, ?> body) throws Exception {
        Answer answer = api.create(accountToken, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        return answer.text("errorMessage");
    }

    private Answer asAdmin(String method, String path, Object body) throws Exception {
        return api.send(method, ADMIN_PATH + path, admin.tokenManager().getAccessTokenString(), body);
    }
}
