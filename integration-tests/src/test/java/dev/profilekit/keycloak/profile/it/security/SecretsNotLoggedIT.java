package dev.profilekit.keycloak.profile.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profilekit.keycloak.profile.apitoken.ApiTokenFormat;
import dev.profilekit.keycloak.profile.common.secret.SecretGenerator;
import dev.profilekit.keycloak.profile.it.apitoken.ApiTokenApi;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import dev.profilekit.keycloak.profile.it.support.TokenEndpoint;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Neither an API token, nor an app password, nor the account password ever reaches the server log, which logs Profile
 * Kit and every event detail at DEBUG in the test server: the secrets are used right, wrong, malformed, in the wrong
 * parameter and after revocation, then the whole log is searched for the full values and for their secret parts.
 */
@KeycloakIntegrationTest
class SecretsNotLoggedIT {

    /** Characters of an API token before its secret: {@code pkat_<12-character id>_}. */
    private static final int API_TOKEN_SECRET_START = ApiTokenFormat.PREFIX.length() + ApiTokenFormat.ID_LENGTH + 1;
    /** Characters of an app password before its secret: the 4-character lookup id and a dash. */
    private static final int APP_PASSWORD_SECRET_START = 5;

    @Test
    void secretsUsedRightWrongAndAfterRevocationNeverReachTheLog(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("secrets-log");
        String consoleToken = new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(user.username(), user.password());
        AccountApi account = new AccountApi(server, consoleToken);
        ApiTokenApi api = new ApiTokenApi(server);
        TokenEndpoint tokens = new TokenEndpoint(server);
        JsonNode createdToken = api.createOk(consoleToken, "read-write", "");
        String apiToken = createdToken.get("value").asText();
        String apiTokenId = createdToken.at("/token/id").asText();
        JsonNode createdPassword = account.post("app-passwords", Map.of("name", "Mail", "clientId", "mail")).body();
        String appPassword = createdPassword.get("password").asText();
        String wrongApiToken = ApiTokenFormat.format(apiTokenId, new SecretGenerator().randomId(ApiTokenFormat.SECRET_LENGTH));
        String wrongAppPassword = appPassword.substring(0, APP_PASSWORD_SECRET_START) + "aaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaa";
        String typo = apiToken.substring(0, apiToken.length() - 1) + (apiToken.endsWith("a") ? "b" : "a");

        // right
        assertThat(api.exchange(apiToken).status()).isEqualTo(200);
        assertThat(api.introspect(apiToken, "api_token").body().get("active").asBoolean()).isTrue();
        assertThat(tokens.passwordGrant("mail", user.username(), appPassword).granted()).isTrue();
        assertThat(tokens.passwordGrant("calendar", user.username(), user.password()).granted()).isTrue();
        // wrong and malformed
        assertThat(api.exchange(wrongApiToken).status()).isEqualTo(400);
        assertThat(api.exchange(typo).status()).isEqualTo(400);
        assertThat(api.introspect(wrongApiToken, "api_token").body().get("active").asBoolean()).isFalse();
        assertThat(tokens.passwordGrant("mail", user.username(), wrongAppPassword).granted()).isFalse();
        // in the wrong parameter, or at the wrong endpoint
        assertThat(tokens.passwordGrant("mail", user.username(), apiToken).granted()).isFalse();
        assertThat(tokens.passwordGrant("mail", user.username(), user.password()).granted()).as("app passwords only").isFalse();
        assertThat(api.exchange(appPassword).status()).isEqualTo(400);
        assertThat(api.introspect(apiToken, null).body().get("active").asBoolean()).isFalse();
        assertThat(api.introspect(appPassword, "api_token").body().get("active").asBoolean()).isFalse();
        assertThat(api.postForm("127.0.0.1", "/realms/demo/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", ApiTokenApi.RESOURCE_SERVER, "client_secret", apiToken)).status()).isEqualTo(401);
        // revoked
        assertThat(api.revoke(consoleToken, apiTokenId).status()).isEqualTo(204);
        assertThat(account.delete("app-passwords/" + createdPassword.at("/appPassword/id").asText()).status()).isEqualTo(204);
        users.realm().attackDetection().clearBruteForceForUser(user.id());
        assertThat(api.exchange(apiToken).status()).isEqualTo(400);
        assertThat(tokens.passwordGrant("mail", user.username(), appPassword).granted()).isFalse();

        String log = awaitLogMentioning(server, user.id(), "REMOVE_CREDENTIAL");

        assertThat(log).as("the log is at DEBUG: it names the token id").contains(apiTokenId);
        for (String secret : secretsAndTheirSecretParts(apiToken, wrongApiToken, typo, appPassword, wrongAppPassword)) {
            assertThat(log.contains(secret)).as("log contains " + secret).isFalse();
        }
        assertThat(log.contains(user.password())).as("log contains the account password").isFalse();
    }

    private static List<String> secretsAndTheirSecretParts(String... secrets) {
        List<String> all = new ArrayList<>();
        for (String secret : secrets) {
            all.add(secret);
            all.add(secret.substring(secret.startsWith(ApiTokenFormat.PREFIX) ? API_TOKEN_SECRET_START : APP_PASSWORD_SECRET_START));
        }
        return all;
    }

    /** The whole server log, once it has a line with both {@code userId} and {@code eventType} (at most 10 s). */
    private static String awaitLogMentioning(KeycloakServer server, String userId, String eventType) throws Exception {
        for (int i = 0; i < 100; i++) {
            String log = Files.readString(server.log());
            if (log.lines().anyMatch(line -> line.contains(userId) && line.contains(eventType))) {
                return log;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + eventType + " of " + userId + " in " + server.log());
    }
}
