package dev.profilekit.keycloak.profile.it.apppassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.AccountApi.Answer;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.LoopbackClient;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import dev.profilekit.keycloak.profile.it.support.TokenEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;

/** App passwords end to end against the demo realm's {@code mail} (app passwords only) and {@code calendar} clients. */
@KeycloakIntegrationTest
class AppPasswordIT {

    private static final String PATH = "app-passwords";
    private static final String TOKEN_PATH = "/realms/" + TestConfig.DEMO_REALM + "/protocol/openid-connect/token";

    @Test
    void anAppPasswordOpensOnlyItsOwnAppUntilDeleted(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("ap-e2e");
        AccountApi api = AccountApi.logIn(server, user);
        TokenEndpoint tokens = new TokenEndpoint(server);

        JsonNode apps = api.get(PATH + "/apps").body();
        assertThat(apps.findValuesAsText("clientId")).containsExactly("calendar", "mail");

        Answer created = api.post(PATH, Map.of("name", "Thunderbird on laptop", "clientId", "mail"));
        assertThat(created.status()).isEqualTo(201);
        String password = created.body().get("password").asText();
        String id = created.body().at("/appPassword/id").asText();
        assertThat(password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){7}");

        JsonNode listed = api.get(PATH).body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("Thunderbird on laptop");
        assertThat(listed.get(0).get("appName").asText()).isEqualTo("Mail");
        assertThat(listed.get(0).hasNonNull("lastUsedAt")).as("never used").isFalse();
        assertThat(listed.toString()).doesNotContain(password.substring(5)).doesNotContain("hash");

        assertThat(tokens.passwordGrant("mail", user.username(), password).granted()).isTrue();
        assertThat(tokens.passwordGrant("mail", user.username(), password.toUpperCase().replace("-", " - ")).granted())
                .as("typed in capitals with spaces").isTrue();
        assertThat(tokens.passwordGrant("calendar", user.username(), user.password()).granted()).as("main password where allowed").isTrue();
        // Failures last: the realm's quick-login check locks the user briefly after two fast failures.
        TokenEndpoint.Answer otherApp = tokens.passwordGrant("calendar", user.username(), password);
        assertThat(otherApp.status()).isEqualTo(400);
        assertThat(otherApp.body().get("error").asText()).isEqualTo("invalid_grant");
        TokenEndpoint.Answer mainOnMail = tokens.passwordGrant("mail", user.username(), user.password());
        assertThat(mainOnMail.status()).isEqualTo(400);
        assertThat(mainOnMail.body()).isEqualTo(otherApp.body());

        JsonNode used = api.get(PATH).body().get(0);
        assertThat(java.time.Instant.parse(used.get("lastUsedAt").asText())).isAfter(java.time.Instant.now().minusSeconds(60));
        assertThat(used.get("lastUsedIp").asText()).isNotBlank();

        assertThat(api.delete(PATH + "/" + id).status()).isEqualTo(204);
        assertThat(tokens.passwordGrant("mail", user.username(), password).granted()).isFalse();
        assertThat(api.delete(PATH + "/" + id).status()).isEqualTo(404);
        assertThat(api.get(PATH).body()).isEmpty();
    }

    @Test
    void appPasswordsNeverWorkForBrowserLogin(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("ap-browser");
        String password = AccountApi.logIn(server, user).post(PATH, Map.of("name", "Phone", "clientId", "calendar")).body().get("password").asText();

        assertThatThrownBy(() -> new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(user.username(), password))
                .hasMessageContaining("Login did not end");
    }

    @Test
    void badInputIsRefusedWithAMessageKeyAndStoresNothing(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("ap-bad");
        AccountApi api = AccountApi.logIn(server, user);

        assertThat(api.post(PATH, Map.of("name", "", "clientId", "mail")).errorMessage()).isEqualTo("appPasswordNameInvalid");
        assertThat(api.post(PATH, Map.of("name", "x".repeat(65), "clientId", "mail")).errorMessage()).isEqualTo("appPasswordNameInvalid");
        assertThat(api.post(PATH, Map.of("name", "n", "clientId", "no-such-client")).errorMessage()).isEqualTo("appPasswordClientNotEnabled");
        assertThat(api.post(PATH, Map.of("name", "n", "clientId", "account-console")).errorMessage()).isEqualTo("appPasswordClientNotEnabled");
        Answer badIp = api.post(PATH, Map.of("name", "n", "clientId", "mail", "allowList", "10.0.0.0/33"));
        assertThat(badIp.status()).isEqualTo(400);
        assertThat(badIp.errorMessage()).isEqualTo("ipAllowListInvalidPrefix");
        assertThat(api.post(PATH, "{not json").status()).isEqualTo(400);
        assertThat(api.post(PATH, "null").status()).isEqualTo(400);

        assertThat(api.get(PATH).body()).isEmpty();
        assertThat(users.realm().users().get(user.id()).credentials()).extracting(CredentialRepresentation::getType).containsExactly("password");
    }

    @Test
    void nobodyDeletesSomeoneElsesAppPassword(KeycloakServer server, TestUsers users) throws Exception {
        AccountApi owner = AccountApi.logIn(server, users.create("ap-owner"));
        AccountApi other = AccountApi.logIn(server, users.create("ap-other"));
        String id = owner.post(PATH, Map.of("name", "Mine", "clientId", "mail")).body().at("/appPassword/id").asText();

        assertThat(other.delete(PATH + "/" + id).status()).isEqualTo(404);
        assertThat(owner.get(PATH).body()).hasSize(1);
    }

    @Test
    void theIpAllowListIsCheckedAtEachGrant(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("ap-ip");
        AccountApi api = AccountApi.logIn(server, user);
        TokenEndpoint tokens = new TokenEndpoint(server);
        String elsewhere = api.post(PATH, Map.of("name", "Office", "clientId", "mail", "allowList", "10.9.9.0/24, 2001:db8::/32"))
                .body().get("password").asText();
        String loopback = api.post(PATH, Map.of("name", "Here", "clientId", "mail", "allowList", "127.0.0.0/8, ::1"))
                .body().get("password").asText();

        assertThat(tokens.passwordGrant("mail", user.username(), elsewhere).granted()).isFalse();
        assertThat(tokens.passwordGrant("mail", user.username(), loopback).granted()).isTrue();
        assertThat(api.get(PATH).body().findValuesAsText("allowList")).contains("10.9.9.0/24, 2001:db8::/32");
    }

    @Test
    void aSpoofedForwardedForHeaderDoesNotPassTheAllowListWithoutProxyHeaders(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("ap-spoof");
        AccountApi api = AccountApi.logIn(server, user);
        String fromSecondLoopback = api.post(PATH, Map.of("name", "Second", "clientId", "mail", "allowList", "127.0.0.2"))
                .body().get("password").asText();
        String fromElsewhere = api.post(PATH, Map.of("name", "Office", "clientId", "mail", "allowList", "10.9.9.9"))
                .body().get("password").asText();
        LoopbackClient loopback = new LoopbackClient(server);

        LoopbackClient.Answer allowed = loopback.postForm("127.0.0.2", TOKEN_PATH, passwordGrant(user, fromSecondLoopback));
        LoopbackClient.Answer spoofed = loopback.postForm("127.0.0.1", TOKEN_PATH, passwordGrant(user, fromElsewhere),
                "X-Forwarded-For: 10.9.9.9", "Forwarded: for=10.9.9.9", "X-Real-IP: 10.9.9.9");

        assertThat(allowed.status()).as("the caller address Keycloak sees is checked").isEqualTo(200);
        assertThat(spoofed.status()).isEqualTo(400);
        assertThat(spoofed.body().get("error").asText()).isEqualTo("invalid_grant");
        EventRepresentation refused = users.realm().getEvents(List.of("LOGIN_ERROR"), null, user.id(), null, null, null, 0, 1).get(0);
        assertThat(refused.getIpAddress()).isEqualTo("127.0.0.1");
    }

    private static Map<String, String> passwordGrant(TestUser user, String password) {
        return Map.of("grant_type", "password", "client_id", "mail", "username", user.username(), "password", password);
    }

    @Test
    void wrongAppPasswordsCountTowardsBruteForceDetection(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("ap-brute");
        String password = AccountApi.logIn(server, user).post(PATH, Map.of("name", "Mail", "clientId", "mail")).body().get("password").asText();
        TokenEndpoint tokens = new TokenEndpoint(server);
        String wrong = password.substring(0, 5) + "aaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaa";

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(tokens.passwordGrant("mail", user.username(), wrong).body().get("error").asText()).isEqualTo("invalid_grant");
        }

        Map<String, Object> status = users.realm().attackDetection().bruteForceUserStatus(user.id());
        assertThat(status.get("disabled")).as("locked by brute-force detection: " + status).isEqualTo(true);
        assertThat(tokens.passwordGrant("mail", user.username(), password).granted()).as("locked even with the right app password").isFalse();
        users.realm().attackDetection().clearBruteForceForUser(user.id());
        assertThat(tokens.passwordGrant("mail", user.username(), password).granted()).isTrue();
    }

    @Test
    void createUseFailureAndDeleteAreAudited(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("ap-events");
        AccountApi api = AccountApi.logIn(server, user);
        String id = api.post(PATH, Map.of("name", "Audited", "clientId", "mail")).body().at("/appPassword/id").asText();
        new TokenEndpoint(server).passwordGrant("mail", user.username(), "aaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaa");
        api.delete(PATH + "/" + id);

        List<EventRepresentation> events = users.realm().getEvents(
                List.of("UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL", "LOGIN_ERROR"), null, user.id(), null, null, null, 0, 20);
        assertThat(events).extracting(EventRepresentation::getType)
                .containsExactlyInAnyOrder("UPDATE_CREDENTIAL", "LOGIN_ERROR", "REMOVE_CREDENTIAL");
        assertThat(events).allSatisfy(event -> assertThat(event.getDetails()).containsEntry("credential_type", "app-password"));
        assertThat(events.toString()).doesNotContain("aaaa-aaaa");
    }
}
