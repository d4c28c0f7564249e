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

/**
 * {@code GET /realms/{realm}/passkeys} (and the admin's {@code GET /admin/realms/{realm}/passkeys/users/{id}}) with
 * the last use recorded by the {@code profilekit-credential-usage} event listener, without a browser: WebAuthn
 * credentials are stored through the admin API and {@link SoftwarePasskey}s sign in on Keycloak's real login pages —
 * the passkey on the login page's passkey form, the security key as the second factor after the password.
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
    void listsSecurityKeysAndPasskeysNeverUsedYet() throws Exception {
        Answer list = adminList(user.id());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(2);
        JsonNode key = list.body().get(0);
        assertThat(key.get("id").asText()).isEqualTo(credentialId("webauthn"));
        assertThat(key.get("name").asText()).isEqualTo("YubiKey");
        assertThat(key.get("type").asText()).isEqualTo("security-key");
        assertThat(key.get("createdAt").asText()).isEqualTo(Instant.ofEpochMilli(CREATED_SECURITY_KEY).toString());
        assertThat(absent(key, "lastUsedAt")).isTrue();
        assertThat(absent(key, "lastUsedIp")).isTrue();
        JsonNode laptop = list.body().get(1);
        assertThat(laptop.get("id").asText()).isEqualTo(credentialId("webauthn-passwordless"));
        assertThat(laptop.get("name").asText()).isEqualTo("Laptop");
        assertThat(laptop.get("type").asText()).isEqualTo("passkey");
        assertThat(laptop.get("createdAt").asText()).isEqualTo(Instant.ofEpochMilli(CREATED_PASSKEY).toString());
        assertThat(absent(laptop, "lastUsedAt")).isTrue();
        assertThat(absent(laptop, "lastUsedIp")).isTrue();
    }

    @Test
    void needsAnAccountConsoleToken() throws Exception {
        assertThat(new AccountApi(server, "not-a-token").get("passkeys").status()).isEqualTo(401);
        assertThat(adminList(user.id(), passkeyLogin()).status()).as("a user's token on the admin API").isIn(401, 403);
    }

    @Test
    void aPasskeyLoginRecordsItsLastUseOncePerMinute() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        AccountApi api = new AccountApi(server, passkeyLogin());
        Instant after = Instant.now().plusSeconds(1);

        Answer list = api.get("passkeys");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(2);
        JsonNode used = byName(list.body(), "Laptop");
        assertThat(Instant.parse(used.get("lastUsedAt").asText())).isBetween(before, after);
        assertThat(InetAddress.getByName(used.get("lastUsedIp").asText()).isLoopbackAddress()).isTrue();
        assertThat(absent(byName(list.body(), "YubiKey"), "lastUsedAt")).as("the security key was not used").isTrue();
        assertThat(lastLogin()).containsEntry("public_key_credential_id", passkey.publicKeyCredentialId())
                .containsEntry("credential_type", "webauthn-passwordless");

        passkeyLogin();
        assertThat(byName(api.get("passkeys").body(), "Laptop").get("lastUsedAt").asText())
                .as("a second use from the same address within a minute is not written")
                .isEqualTo(used.get("lastUsedAt").asText());
        assertThat(byName(adminList(user.id()).body(), "Laptop").get("lastUsedAt").asText()).isEqualTo(used.get("lastUsedAt").asText());
    }

    @Test
    void aSecurityKeyAsSecondFactorRecordsItsLastUse() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        AccountApi api = new AccountApi(server, passwordAndSecurityKeyLogin());

        JsonNode list = api.get("passkeys").body();
        assertThat(Instant.parse(byName(list, "YubiKey").get("lastUsedAt").asText())).isAfter(before);
        assertThat(absent(byName(list, "Laptop"), "lastUsedAt")).as("the passkey was not used").isTrue();
        assertThat(lastLogin()).containsEntry("public_key_credential_id", securityKey.publicKeyCredentialId())
                .containsEntry("credential_type", "webauthn");
    }

    @Test
    void aPasskeyAlsoServesAsTheSecondFactorAfterThePassword() throws Exception {
        SoftwarePasskey phone = new SoftwarePasskey();
        TestUser onlyPasskey = users.create("passkey-2fa", phone.credential("webauthn-passwordless", "Phone", CREATED_PASSKEY));
        LoginSession session = new LoginSession();
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        String verifier = AccountConsoleLogin.newVerifier();
        LoginSession.Page page = session.open(login.authorizationUrl(verifier, Map.of()));

        LoginSession.Page secondFactor = session.submit(page, "kc-form-login", Map.of("username", onlyPasskey.username(), "password", onlyPasskey.password()));

        assertThat(secondFactor.body()).as("the demo flow asks for the passkey as second factor")
                .contains("kc-form-webauthn").contains(phone.publicKeyCredentialId());
        LoginSession.Page end = session.submit(secondFactor, "webauth", phone.assertion(secondFactor.body(), server.baseUrl(), onlyPasskey.id()));
        assertThat(login.exchange(end, verifier)).isNotBlank();
    }

    @Test
    void aRefusedPasskeyIsNotAUse() throws Exception {
        LoginSession session = new LoginSession();
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        LoginSession.Page page = session.open(login.authorizationUrl(AccountConsoleLogin.newVerifier(), Map.of()));
        Map<String, String> forged = new HashMap<>(passkey.assertion(page.body(), server.baseUrl(), user.id()));
        forged.put("signature", securityKey.assertion(page.body(), server.baseUrl(), user.id()).get("signature"));

        LoginSession.Page refused = session.submit(page, "webauth", forged);

        assertThat(refused.redirect()).as("no login").isEmpty();
        assertThat(absent(byName(adminList(user.id()).body(), "Laptop"), "lastUsedAt")).isTrue();
    }

    @Test
    void aDeletedCredentialLeavesTheList() throws Exception {
        passkeyLogin();
        String id = credentialId("webauthn-passwordless");

        users.realm().users().get(user.id()).removeCredential(id);

        JsonNode list = adminList(user.id()).body();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("type").asText()).isEqualTo("security-key");
        assertThat(users.realm().getAdminEvents(List.of("ACTION"), null, null, null, null,
                "users/" + user.id() + "/credentials/" + id, null, null, 0, 1)).as("the admin event the listener reads").hasSize(1);
    }

    @Test
    void adminsNeedAKnownUser() throws Exception {
        assertThat(adminList("no-such-user").status()).isEqualTo(404);
        assertThat(adminList("no-such-user").body().get("errorMessage").asText()).isEqualTo("passkeyUserNotFound");
    }

    /** Signs in to the account console on the login page's passkey form; returns the access token. */
    private String passkeyLogin() throws Exception {
        LoginSession session = new LoginSession();
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        String verifier = AccountConsoleLogin.newVerifier();
        LoginSession.Page page = session.open(login.authorizationUrl(verifier, Map.of()));
        LoginSession.Page end = session.submit(page, "webauth", passkey.assertion(page.body(), server.baseUrl(), user.id()));
        return login.exchange(end, verifier);
    }

    /** Signs in with the password, then the security key on Keycloak's WebAuthn second-factor page. */
    private String passwordAndSecurityKeyLogin() throws Exception {
        LoginSession session = new LoginSession();
        AccountConsoleLogin login = new AccountConsoleLogin(server, TestConfig.DEMO_REALM);
        String verifier = AccountConsoleLogin.newVerifier();
        LoginSession.Page page = session.open(login.authorizationUrl(verifier, Map.of()));
        LoginSession.Page secondFactor = session.submit(page, "kc-form-login", Map.of("username", user.username(), "password", user.password()));
        assertThat(secondFactor.body()).as("Keycloak's security-key page asks for this key")
                .contains("kc-form-webauthn").contains(securityKey.publicKeyCredentialId());
        LoginSession.Page end = session.submit(secondFactor, "webauth", securityKey.assertion(secondFactor.body(), server.baseUrl(), user.id()));
        return login.exchange(end, verifier);
    }

    private Map<String, String> lastLogin() {
        return users.realm().getEvents(List.of("LOGIN"), null, user.id(), null, null, null, 0, 1).get(0).getDetails();
    }

    private String credentialId(String type) {
        return users.realm().users().get(user.id()).credentials().stream()
                .filter(credential -> type.equals(credential.getType()))
                .findFirst().orElseThrow().getId();
    }

    private Answer adminList(String userId) throws Exception {
        return adminList(userId, admin.tokenManager().getAccessTokenString());
    }

    private Answer adminList(String userId, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        server.baseUrl() + "/admin/realms/" + TestConfig.DEMO_REALM + "/passkeys/users/" + userId))
                .header("Authorization", "Bearer " + token)
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
