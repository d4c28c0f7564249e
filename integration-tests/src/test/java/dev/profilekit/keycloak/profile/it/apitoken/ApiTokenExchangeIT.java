package dev.profilekit.keycloak.profile.it.apitoken;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profilekit.keycloak.profile.apitoken.ApiTokenFormat;
import dev.profilekit.keycloak.profile.common.secret.SecretGenerator;
import dev.profilekit.keycloak.profile.it.apitoken.ApiTokenApi.Answer;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * The API token exchange at the realm's token endpoint ({@code grant_type=urn:profilekit:...:api-token}), from
 * varying loopback source addresses: allow-list, scope cap, revocation, expiry, events, brute-force lockout.
 */
@KeycloakIntegrationTest
class ApiTokenExchangeIT {

    private ApiTokenApi api;
    private TestUser user;
    private String accountToken;
    private TestUsers users;

    @BeforeEach
    void logIn(KeycloakServer server, TestUsers users) throws Exception {
        this.api = new ApiTokenApi(server);
        this.users = users;
        this.user = users.create("api-exchange");
        this.accountToken = new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(user.username(), user.password());
    }

    @Test
    void readOnlyTokenFromAnAllowedIpGetsACappedAccessToken(KeycloakServer server) throws Exception {
        JsonNode created = api.createOk(accountToken, "read-only", "127.0.0.1");

        Answer answer = api.exchange("127.0.0.1", created.get("value").asText(), null);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().has("refresh_token")).isFalse();
        assertThat(answer.body().get("token_type").asText()).isEqualToIgnoringCase("Bearer");
        JsonNode claims = ApiTokenApi.jwtClaims(answer.text("access_token"));
        assertThat(claims.get("sub").asText()).isEqualTo(user.id());
        assertThat(claims.get("azp").asText()).isEqualTo(ApiTokenApi.CLI_CLIENT);
        assertThat(claims.get("scope").asText().split(" ")).contains("api:read").doesNotContain("api:write");
        assertThat(claims.get("api_token_id").asText()).isEqualTo(created.at("/token/id").asText());
        assertThat(claims.has("resource_access")).as("no roles, so never manage-account").isFalse();
        assertThat(claims.has("realm_access")).isFalse();
        assertThat(claims.path("aud").toString()).doesNotContain("account").contains(ApiTokenApi.RESOURCE_SERVER);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isLessThanOrEqualTo(300);

        // the exchanged token cannot manage the account
        assertThat(api.send("GET", "/realms/demo/profile/me", answer.text("access_token"), null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/realms/demo/api-tokens", answer.text("access_token"), null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/realms/demo/account/", answer.text("access_token"), null).status()).isIn(401, 403);
    }

    @Test
    void readOnlyTokenCanNeverObtainWriteScope() throws Exception {
        String token = api.createOk(accountToken, "read-only", "").get("value").asText();

        Answer write = api.exchange("127.0.0.1", token, "api:write");
        Answer both = api.exchange("127.0.0.1", token, "api:read api:write");
        Answer manage = api.exchange("127.0.0.1", token, "api:read manage-account");

        for (Answer refused : List.of(write, both, manage)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.text("error")).isEqualTo("invalid_scope");
        }
    }

    @Test
    void readWriteTokenGetsBothScopesOrWhatItAsksFor() throws Exception {
        String token = api.createOk(accountToken, "read-write", "").get("value").asText();

        JsonNode all = ApiTokenApi.jwtClaims(api.exchange(token).text("access_token"));
        JsonNode readOnly = ApiTokenApi.jwtClaims(api.exchange("127.0.0.1", token, "api:read").text("access_token"));

        assertThat(all.get("scope").asText().split(" ")).contains("api:read", "api:write");
        assertThat(readOnly.get("scope").asText().split(" ")).contains("api:read").doesNotContain("api:write");
    }

    @Test
    void aDisallowedIpIsRefusedAndAFailedEventRecorded() throws Exception {
        JsonNode created = api.createOk(accountToken, "read-only", "127.0.0.1, ::1");

        Answer answer = api.exchange("127.0.0.2", created.get("value").asText(), null);

        assertInvalidGrant(answer);
        EventRepresentation event = lastEvent("OAUTH2_EXTENSION_GRANT_ERROR");
        assertThat(event.getError()).isEqualTo("invalid_token");
        assertThat(event.getIpAddress()).isEqualTo("127.0.0.2");
        assertThat(event.getDetails()).containsEntry("reason", "ip_not_allowed")
                .containsEntry("api_token_id", created.at("/token/id").asText());
    }

    @Test
    void aSpoofedForwardedForHeaderDoesNotPassWithoutProxyHeaders() throws Exception {
        String token = api.createOk(accountToken, "read-only", "10.9.9.9").get("value").asText();

        assertInvalidGrant(api.exchange("127.0.0.1", token, null, "X-Forwarded-For: 10.9.9.9", "Forwarded: for=10.9.9.9"));
    }

    @Test
    void changingTheAllowListTakesEffectOnTheNextExchange() throws Exception {
        JsonNode created = api.createOk(accountToken, "read-only", "127.0.0.1");
        String token = created.get("value").asText();
        String id = created.at("/token/id").asText();
        assertInvalidGrant(api.exchange("127.0.0.2", token, null));

        Answer updated = api.update(accountToken, id, Map.of("allowList", "127.0.0.0/30"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("allowList")).isEqualTo("127.0.0.0/30");
        assertThat(api.exchange("127.0.0.2", token, null).status()).isEqualTo(200);
        assertInvalidGrant(api.exchange("127.0.0.5", token, null));
    }

    @Test
    void revocationTakesEffectImmediately() throws Exception {
        JsonNode created = api.createOk(accountToken, "read-write", "");
        String token = created.get("value").asText();
        assertThat(api.exchange(token).status()).isEqualTo(200);

        assertThat(api.revoke(accountToken, created.at("/token/id").asText()).status()).isEqualTo(204);

        assertInvalidGrant(api.exchange(token));
        assertThat(api.introspect(token, "api_token").body().get("active").asBoolean()).isFalse();
    }

    @Test
    void expiryTakesEffectImmediately() throws Exception {
        Instant expiry = Instant.now().plusSeconds(5);
        Answer created = api.create(accountToken, Map.of("name", "short", "scope", "read-only", "expiresAt", expiry.toString()));
        assertThat(created.status()).isEqualTo(201);
        String token = created.body().get("value").asText();
        assertThat(api.exchange(token).status()).isEqualTo(200);

        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 500);

        assertInvalidGrant(api.exchange(token));
        assertThat(lastEvent("OAUTH2_EXTENSION_GRANT_ERROR").getDetails()).containsEntry("reason", "expired");
        assertThat(api.introspect(token, "api_token").body().get("active").asBoolean()).isFalse();
    }

    @Test
    void malformedUnknownAndWrongSecretTokensAreInvalidGrantWithoutDetails() throws Exception {
        String real = api.createOk(accountToken, "read-only", "").get("value").asText();
        String wrongSecret = real.substring(0, 18) + (real.charAt(18) == 'a' ? 'b' : 'a') + real.substring(19);

        for (String token : List.of("nonsense", "pkat_", real.toUpperCase(), real + "x", wrongSecret, "pkat_abcdefghjkmn_pqrstuvwxyz23456789abcdefghjaaaaaa")) {
            Answer answer = api.exchange(token);
            assertInvalidGrant(answer);
            assertThat(answer.body().toString()).doesNotContain("Exception", "at org.", "at dev.");
        }
    }

    @Test
    void wrongSecretsLockTheOwnerOutOfEveryExchangeUntilAnAdminClearsTheLockout() throws Exception {
        JsonNode created = api.createOk(accountToken, "read-only", "");
        String token = created.get("value").asText();
        String id = created.at("/token/id").asText();
        String guess = ApiTokenFormat.format(id, new SecretGenerator().randomId(ApiTokenFormat.SECRET_LENGTH));
        assertThat(api.exchange(token).status()).isEqualTo(200);

        Answer wrong = null;
        Map<String, Object> status = Map.of();
        for (int attempt = 1; attempt <= 5; attempt++) {
            wrong = api.exchange(guess);
            assertInvalidGrant(wrong);
            status = awaitBruteForceFailures(attempt);
        }
        assertThat(lastEvent("OAUTH2_EXTENSION_GRANT_ERROR").getDetails()).containsEntry("reason", "wrong_secret");
        assertThat(status.get("disabled")).as("locked by brute-force detection: " + status).isEqualTo(true);

        Answer locked = api.exchange(token);
        assertThat(locked.status()).isEqualTo(wrong.status());
        assertThat(locked.raw()).as("the right token is refused exactly like a wrong one").isEqualTo(wrong.raw());
        EventRepresentation refused = lastEvent("OAUTH2_EXTENSION_GRANT_ERROR");
        assertThat(refused.getError()).isEqualTo("user_temporarily_disabled");
        assertThat(refused.getDetails()).containsEntry("reason", "owner_locked_out").containsEntry("api_token_id", id);
        assertThat(api.introspect(token, "api_token").body().get("active").asBoolean())
                .as("introspection neither counts nor locks: the caller is an authenticated resource server").isTrue();

        users.realm().attackDetection().clearBruteForceForUser(user.id());

        assertThat(api.exchange(token).status()).isEqualTo(200);
    }

    @Test
    void unknownMalformedAndExpiredTokensDoNotCountAsFailedLogins() throws Exception {
        String token = api.createOk(accountToken, "read-only", "").get("value").asText();
        String unknown = ApiTokenFormat.format(new SecretGenerator().randomId(ApiTokenFormat.ID_LENGTH), token.substring(18, 46));

        for (String presented : List.of(unknown, "pkat_" + token.substring(6), token + "x")) {
            assertInvalidGrant(api.exchange(presented));
        }

        assertThat(api.introspect(token + "x", "api_token").body().get("active").asBoolean()).isFalse();
        assertThat(users.realm().attackDetection().bruteForceUserStatus(user.id()).get("numFailures")).isEqualTo(0);
        assertThat(api.exchange(token).status()).isEqualTo(200);
    }

    /** Keycloak records failed logins off the request thread: waits (at most 10 s) until {@code count} are recorded. */
    private Map<String, Object> awaitBruteForceFailures(int count) throws InterruptedException {
        Map<String, Object> status = Map.of();
        for (int i = 0; i < 100; i++) {
            status = users.realm().attackDetection().bruteForceUserStatus(user.id());
            if (status.get("numFailures") instanceof Number failures && failures.intValue() >= count) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("brute-force detection did not record " + count + " failures: " + status);
    }

    @Test
    void aClientNotEnabledForTheExchangeIsRefused() throws Exception {
        String token = api.createOk(accountToken, "read-write", "").get("value").asText();

        Answer answer = api.postForm("127.0.0.1", "/realms/demo/protocol/openid-connect/token", Map.of(
                "grant_type", ApiTokenApi.GRANT_TYPE, "client_id", "account-console", "api_token", token));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("error")).isEqualTo("unauthorized_client");
    }

    @Test
    void aMissingTokenIsInvalidRequest() throws Exception {
        Answer answer = api.postForm("127.0.0.1", "/realms/demo/protocol/openid-connect/token", Map.of(
                "grant_type", ApiTokenApi.GRANT_TYPE, "client_id", ApiTokenApi.CLI_CLIENT));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("error")).isEqualTo("invalid_request");
    }

    @Test
    void aDisabledOwnersTokenIsRefused() throws Exception {
        String token = api.createOk(accountToken, "read-only", "").get("value").asText();
        var representation = users.realm().users().get(user.id()).toRepresentation();
        representation.setEnabled(false);
        users.realm().users().get(user.id()).update(representation);

        assertInvalidGrant(api.exchange(token));
        assertThat(api.introspect(token, "api_token").body().get("active").asBoolean()).isFalse();
    }

    @Test
    void lastUseIsRecordedThrottledAndFollowsANewIp() throws Exception {
        JsonNode created = api.createOk(accountToken, "read-only", "127.0.0.1, 127.0.0.2");
        String token = created.get("value").asText();
        assertThat(only().hasNonNull("lastUsedAt")).isFalse();

        assertThat(api.exchange("127.0.0.1", token, null).status()).isEqualTo(200);
        JsonNode first = only();
        assertThat(first.get("lastUsedIp").asText()).isEqualTo("127.0.0.1");
        Instant firstAt = Instant.parse(first.get("lastUsedAt").asText());
        assertThat(firstAt).isBetween(Instant.now().minusSeconds(30), Instant.now().plusSeconds(1));

        Thread.sleep(1100);
        assertThat(api.exchange("127.0.0.1", token, null).status()).isEqualTo(200);
        assertThat(api.introspect(token, "api_token").body().get("active").asBoolean()).isTrue();
        assertThat(only().get("lastUsedAt").asText()).as("throttled: no write within a minute").isEqualTo(first.get("lastUsedAt").asText());

        assertThat(api.exchange("127.0.0.2", token, null).status()).isEqualTo(200);
        JsonNode moved = only();
        assertThat(moved.get("lastUsedIp").asText()).isEqualTo("127.0.0.2");
        assertThat(Instant.parse(moved.get("lastUsedAt").asText())).isAfter(firstAt);
    }

    private JsonNode only() throws Exception {
        Answer list = api.list(accountToken);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(1);
        return list.body().get(0);
    }

    private EventRepresentation lastEvent(String type) {
        List<EventRepresentation> events = users.realm().getEvents(List.of(type), null, user.id(), null, null, null, 0, 1);
        assertThat(events).as(type + " events of " + user.username()).isNotEmpty();
        return events.get(0);
    }

    private static void assertInvalidGrant(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.text("error")).isEqualTo("invalid_grant");
    }
}
