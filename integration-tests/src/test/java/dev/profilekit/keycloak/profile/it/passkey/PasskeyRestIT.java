package dev.profilekit.keycloak.profile.it.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.AccountApi.Answer;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.LoginSession;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * {@code GET /realms/{realm}/passkeys} and the last use recorded by the {@code profilekit-credential-usage} event
 * listener, without a browser: WebAuthn credentials are stored through the admin API and a {@link SoftwarePasskey}
 * signs in on Keycloak's real login page ("Sign in with Passkey" form).
 */
@KeycloakIntegrationTest
class PasskeyRestIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long CREATED_SECURITY_KEY = 1_780_000_000_000L;
    private static final long CREATED_PASSKEY = CREATED_SECURITY_KEY + 60_000;

    private KeycloakServer server;
    private Keycloak admin;
    private TestUsers users;
    private SoftwarePasskey passkey;
    private SoftwarePasskey securityKey;
    private TestUser user;

    @BeforeEach
    void setUp(KeycloakServer server, Keycloak admin, TestUsers users) throws Exception {
        this.server = server;
        this.admin = admin;
        this.users = users;
        this.passkey = new SoftwarePasskey();
        this.securityKey = new SoftwarePasskey();
        this.user = users.create("passkey-rest",
                securityKey.credential("webauthn", "YubiKey", CREATED_SECURITY_KEY),
                passkey.credential("webauthn-passwordless", "Laptop", CREATED_PASSKEY));
    }

    @Test
    void listsPasskeysAndSecurityKeysNeverUsedYet() throws Exception {
        Answer list = AccountApi.logIn(server, user).get("passkeys");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(2);
        JsonNode key = list.body().get(0);
        assertThat(key.get("name").asText()).isEqualTo("YubiKey");
        assertThat(key.get("type").asText()).isEqualTo("security-key");
        assertThat(key.get("createdAt").asText()).isEqualTo(Instant.ofEpochMilli(CREATED_SECURITY_KEY).toString());
        assertThat(absent(key, "lastUsedAt")).isTrue();
        assertThat(absent(key, "lastUsedIp")).isTrue();
        JsonNode laptop = list.body().get(1);
        assertThat(laptop.get("name").asText()).isEqualTo("Laptop");
        assertThat(laptop.get("type").asText()).isEqualTo("passkey");
        assertThat(laptop.get("createdAt").asText()).isEqualTo(Instant.ofEpochMilli(CREATED_PASSKEY).toString());
        assertThat(absent(laptop, "lastUsedAt")).isTrue();
        assertThat(laptop.get("id").asText()).isEqualTo(credentialId("webauthn-passwordless"));
    }

    @Test
    void needsAnAccountConsoleToken() throws Exception {
        assertThat(new AccountApi(server, "not-a-token").get("passkeys").status()).isEqualTo(401);
    }

    @Test
    void aPasskeyLoginRecordsItsLastUseOncePerMinute() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        AccountApi api = new AccountApi(server, passkeyLogin(passkey));
        Instant after = Instant.now().plusSeconds(1);

        JsonNode used = byName(api.get("passkeys").body(), "Laptop");
        Instant lastUsedAt = Instant.parse(used.get("lastUsedAt").asText());
        assertThat(lastUsedAt).isBetween(before, after);
        assertThat(InetAddress.getByName(used.get("lastUsedIp").asText()).isLoopbackAddress()).isTrue();
        assertThat(absent(byName(api.get("passkeys").body(), "YubiKey"), "lastUsedAt")).as("the security key was not used").isTrue();
        EventRepresentation login = users.realm().getEvents(List.of("LOGIN"), null, user.id(), null, null, null, 0, 1).get(0);
        assertThat(login.getDetails()).containsEntry("public_key_credential_id", passkey.publicKeyCredentialId())
                .containsEntry("credential_type", "webauthn-passwordless");

        passkeyLogin(passkey);
        assertThat(byName(api.get("passkeys").body(), "Laptop").get("lastUsedAt").asText())
                .as("a second use from the same address within a minute is not written")
                .isEqualTo(used.get("lastUsedAt").asText());

        Answer asAdmin = adminList(user.id());
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(byName(asAdmin.body(), "Laptop").get("lastUsedAt").asText()).isEqualTo(used.get("lastUsedAt").asText());
    }

    @Test
    void aRefusedPasskeyIsNotAUse() throws Exception {
        LoginSession session = new LoginSession();
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        LoginSession.Page page = session.open(login.authorizationUrl(AccountConsoleLogin.newVerifier(), Map.of()));
        Map<String, String> forged = new HashMap<>(passkey.assertion(page.body(), server.baseUrl(), user.id()));
        forged.put("signature", securityKeySignatureFor(page.body()));

        LoginSession.Page refused = session.submit(page, "webauth", forged);

        assertThat(refused.redirect()).as("no login").isEmpty();
        assertThat(absent(byName(AccountApi.logIn(server, user).get("passkeys").body(), "Laptop"), "lastUsedAt")).isTrue();
    }

    @Test
    void aDeletedCredentialLeavesTheList() throws Exception {
        passkeyLogin(passkey);
        String id = credentialId("webauthn-passwordless");

        users.realm().users().get(user.id()).removeCredential(id);

        JsonNode list = AccountApi.logIn(server, user).get("passkeys").body();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("type").asText()).isEqualTo("security-key");
        assertThat(users.realm().getAdminEvents(List.of("ACTION"), null, null, null, null,
                "users/" + user.id() + "/credentials/" + id, null, null, 0, 1)).as("the admin event the listener reads").hasSize(1);
    }

    @Test
    void adminsNeedAKnownUser() throws Exception {
        assertThat(adminList("no-such-user").status()).isEqualTo(404);
        assertThat(adminList(user.id()).body()).hasSize(2);
    }

    /** Signs in to the account console with {@code key} on the login page's passkey form; returns the access token. */
    private String passkeyLogin(SoftwarePasskey key) throws Exception {
        LoginSession session = new LoginSession();
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        String verifier = AccountConsoleLogin.newVerifier();
        LoginSession.Page page = session.open(login.authorizationUrl(verifier, Map.of()));
        LoginSession.Page end = session.submit(page, "webauth", key.assertion(page.body(), server.baseUrl(), user.id()));
        return login.exchange(end, verifier);
    }

    /** A valid signature by another key: the assertion names the passkey but is signed by the security key. */
    private String securityKeySignatureFor(String page) throws Exception {
        return securityKey.assertion(page, server.baseUrl(), user.id()).get("signature");
    }

    private String credentialId(String type) {
        return users.realm().users().get(user.id()).credentials().stream()
                .filter(credential -> type.equals(credential.getType()))
                .findFirst().orElseThrow().getId();
    }

    private Answer adminList(String userId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        server.baseUrl() + "/admin/realms/" + TestConfig.DEMO_REALM + "/passkeys/users/" + userId))
                .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body()));
    }

    /** Keycloak leaves null properties out of its JSON answers. */
    private static boolean absent(JsonNode passkey, String property) {
        return passkey.path(property).isMissingNode() || passkey.path(property).isNull();
    }

    private static JsonNode byName(JsonNode list, String name) {
        for (JsonNode passkey : list) {
            if (name.equals(passkey.path("name").asText())) {
                return passkey;
            }
        }
        throw new AssertionError("No " + name + " in " + list);
    }
}
