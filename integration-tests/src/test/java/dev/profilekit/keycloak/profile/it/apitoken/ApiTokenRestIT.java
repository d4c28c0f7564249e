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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.representations.idm.EventRepresentation;

/** The self-service REST API {@code /realms/{realm}/api-tokens}: create, list, change, revoke, bad input, events. */
@KeycloakIntegrationTest
class ApiTokenRestIT {

    private ApiTokenApi api;
    private TestUser user;
    private TestUsers users;
    private String accountToken;

    @BeforeEach
    void logIn(KeycloakServer server, TestUsers users) throws Exception {
        this.api = new ApiTokenApi(server);
        this.users = users;
        this.user = users.create("api-rest");
        this.accountToken = new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(user.username(), user.password());
    }

    @Test
    void withoutAnAccountTokenEverythingIs401() throws Exception {
        assertThat(api.list(null).status()).isEqualTo(401);
        assertThat(api.create(null, Map.of("name", "x", "scope", "read-only")).status()).isEqualTo(401);
        assertThat(api.revoke(null, "abcdefghjkmn").status()).isEqualTo(401);
    }

    @Test
    void createShowsTheValueOnceAndListsWithoutIt() throws Exception {
        Answer created = api.create(accountToken, Map.of("name", " deploy bot ", "scope", "read-write", "allowList", "10.0.0.1/8 , ::1"));

        assertThat(created.status()).isEqualTo(201);
        String value = created.text("value");
        JsonNode token = created.body().get("token");
        assertThat(value).matches("pkat_[a-z2-9]{12}_[a-z2-9]{34}").contains(token.get("id").asText());
        assertThat(token.get("name").asText()).isEqualTo("deploy bot");
        assertThat(token.get("scope").asText()).isEqualTo("read-write");
        assertThat(token.get("allowList").asText()).isEqualTo("10.0.0.0/8, ::1");
        Instant expires = Instant.parse(token.get("expiresAt").asText());
        assertThat(expires).as("default 90 days").isBetween(Instant.now().plus(89, ChronoUnit.DAYS), Instant.now().plus(91, ChronoUnit.DAYS));
        assertThat(token.hasNonNull("lastUsedAt")).isFalse();

        Answer list = api.list(accountToken);
        assertThat(list.body()).hasSize(1);
        assertThat(list.body().toString()).doesNotContain(value).doesNotContain(value.substring(18, 46));
        assertThat(list.body().get(0).get("id").asText()).isEqualTo(token.get("id").asText());

        EventRepresentation event = lastEvent("UPDATE_CREDENTIAL");
        assertThat(event.getDetails()).containsEntry("credential_type", "api-token").containsEntry("api_token_id", token.get("id").asText());
        assertThat(event.getDetails().toString()).doesNotContain(value);
    }

    @Test
    void updateChangesOnlyAllowListAndExpiry() throws Exception {
        JsonNode created = api.createOk(accountToken, "read-only", "");
        String id = created.at("/token/id").asText();
        Instant expiry = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        assertThat(api.update(accountToken, id, Map.of("allowList", "192.168.1.0/24", "scope", "read-write")).status())
                .as("the scope cannot be changed").isEqualTo(400);
        Answer updated = api.update(accountToken, id, Map.of("allowList", "192.168.1.0/24", "expiresAt", expiry.toString()));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("allowList")).isEqualTo("192.168.1.0/24");
        assertThat(updated.text("expiresAt")).isEqualTo(expiry.toString());
        assertThat(updated.text("scope")).isEqualTo("read-only");
        assertThat(api.introspect(created.get("value").asText(), "api_token").body().get("active").asBoolean()).isTrue();
        assertThat(lastEvent("UPDATE_CREDENTIAL").getDetails()).containsEntry("action", "update");
    }

    @Test
    void revokeRemovesTheTokenAndIsAUserEvent() throws Exception {
        String id = api.createOk(accountToken, "read-only", "").at("/token/id").asText();

        assertThat(api.revoke(accountToken, id).status()).isEqualTo(204);

        assertThat(api.list(accountToken).body()).isEmpty();
        assertThat(api.revoke(accountToken, id).status()).isEqualTo(404);
        assertThat(lastEvent("REMOVE_CREDENTIAL").getDetails()).containsEntry("credential_type", "api-token").containsEntry("api_token_id", id);
    }

    @Test
    void anotherUsersTokenIsNotFound(KeycloakServer server) throws Exception {
        TestUser other = users.create("api-rest-other");
        String otherToken = new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(other.username(), other.password());
        String id = api.createOk(otherToken, "read-only", "").at("/token/id").asText();

        assertThat(api.revoke(accountToken, id).status()).isEqualTo(404);
        assertThat(api.update(accountToken, id, Map.of("allowList", "")).status()).isEqualTo(404);
        assertThat(api.list(otherToken).body()).hasSize(1);
    }

    static Stream<Arguments> badCreates() {
        String tooFar = Instant.now().plus(3651, ChronoUnit.DAYS).toString();
        return Stream.of(
                Arguments.of(Map.of("scope", "read-only"), "apiTokenNameRequired", "name"),
                Arguments.of(Map.of("name", "   ", "scope", "read-only"), "apiTokenNameRequired", "name"),
                Arguments.of(Map.of("name", "x".repeat(65), "scope", "read-only"), "apiTokenNameInvalid", "name"),
                Arguments.of(Map.of("name", "ok"), "apiTokenScopeInvalid", "scope"),
                Arguments.of(Map.of("name", "ok", "scope", "admin"), "apiTokenScopeInvalid", "scope"),
                Arguments.of(Map.of("name", "ok", "scope", "READ-ONLY"), "apiTokenScopeInvalid", "scope"),
                Arguments.of(Map.of("name", "ok", "scope", "read-only", "allowList", "10.0.0.0/33"), "ipAllowListInvalidPrefix", "allowList"),
                Arguments.of(Map.of("name", "ok", "scope", "read-only", "allowList", "::g"), "ipAllowListInvalidEntry", "allowList"),
                Arguments.of(Map.of("name", "ok", "scope", "read-only", "allowList", "10.0.0.1,,10.0.0.2"), "ipAllowListEmptyEntry", "allowList"),
                Arguments.of(Map.of("name", "ok", "scope", "read-only", "allowList", "10.0.0.1,"), "ipAllowListEmptyEntry", "allowList"),
                Arguments.of(Map.of("name", "ok", "scope", "read-only", "allowList", "example.org"), "ipAllowListInvalidEntry", "allowList"),
                Arguments.of(Map.of("name", "ok", "scope", "read-only", "expiresAt", "2020-01-01T00:00:00Z"), "apiTokenExpiryInPast", "expiresAt"),
                Arguments.of(Map.of("name", "ok", "scope", "read-only", "expiresAt", tooFar), "apiTokenExpiryTooFar", "expiresAt"),
                Arguments.of(Map.of("name", "ok", "scope", "read-only", "expiresAt", "tomorrow"), "apiTokenExpiryInvalid", "expiresAt"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badCreates")
    void badInputIs400WithAMessageKeyAndChangesNothing(Map<String, String> body, String messageKey, String field) throws Exception {
        Answer answer = api.create(accountToken, body);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.text("errorMessage")).isEqualTo(messageKey);
        assertThat(answer.text("field")).isEqualTo(field);
        assertThat(api.list(accountToken).body()).isEmpty();
    }

    @Test
    void badUpdatesAre400AndChangeNothing() throws Exception {
        JsonNode created = api.createOk(accountToken, "read-only", "127.0.0.1");
        String id = created.at("/token/id").asText();
        String before = api.list(accountToken).body().toString();

        Answer badIp = api.update(accountToken, id, Map.of("allowList", "10.0.0.0/33", "expiresAt", Instant.now().plusSeconds(3600).toString()));
        Answer badExpiry = api.update(accountToken, id, Map.of("allowList", "10.0.0.1", "expiresAt", "2001-01-01T00:00:00Z"));
        Answer empty = api.update(accountToken, id, Map.of());

        assertThat(badIp.text("errorMessage")).isEqualTo("ipAllowListInvalidPrefix");
        assertThat(badExpiry.text("errorMessage")).isEqualTo("apiTokenExpiryInPast");
        assertThat(empty.text("errorMessage")).isEqualTo("apiTokenRequestMissing");
        assertThat(List.of(badIp.status(), badExpiry.status(), empty.status())).containsOnly(400);
        assertThat(api.list(accountToken).body().toString()).isEqualTo(before);
        assertThat(api.update(accountToken, "abc", Map.of("allowList", "")).status()).isEqualTo(404);
    }

    @Test
    void theFiftyFirstTokenIsRefused() throws Exception {
        for (int i = 0; i < 50; i++) {
            assertThat(api.create(accountToken, Map.of("name", "t" + i, "scope", "read-only")).status()).isEqualTo(201);
        }

        Answer refused = api.create(accountToken, Map.of("name", "one too many", "scope", "read-only"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("errorMessage")).isEqualTo("apiTokenLimitReached");
        assertThat(api.list(accountToken).body()).hasSize(50);
    }

    @Test
    void deletingTheUserDeletesItsTokens() throws Exception {
        String token = api.createOk(accountToken, "read-only", "").get("value").asText();

        users.realm().users().delete(user.id()).close();

        assertThat(api.introspect(token, "api_token").body().get("active").asBoolean()).isFalse();
    }

    private EventRepresentation lastEvent(String type) {
        List<EventRepresentation> events = users.realm().getEvents(List.of(type), null, user.id(), null, null, null, 0, 1);
        assertThat(events).as(type + " events").isNotEmpty();
        return events.get(0);
    }

}
