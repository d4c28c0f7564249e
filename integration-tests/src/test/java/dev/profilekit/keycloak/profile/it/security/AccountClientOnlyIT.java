package dev.profilekit.keycloak.profile.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profilekit.keycloak.profile.it.apitoken.ApiTokenApi;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.AccountApi.Answer;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.AccountConsolePage;
import dev.profilekit.keycloak.profile.it.support.HeadlessChromiumExtension;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import dev.profilekit.keycloak.profile.it.support.TokenEndpoint;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * CSRF and confused-deputy checks of every self-service endpoint: only a bearer token issued to the account console is
 * accepted (not the token of another app the user logged in to, not Keycloak's session cookies), and no other origin
 * is ever allowed by CORS.
 */
@KeycloakIntegrationTest
@ExtendWith(HeadlessChromiumExtension.class)
class AccountClientOnlyIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EVIL_ORIGIN = "https://evil.example";
    private static final String OTHER_APP = "csrf-other-app";

    /** Method, path (under /realms/demo/) and JSON body of one call per endpoint, the changing ones included. */
    private record Call(String method, String path, String json) {
    }

    private static final List<Call> CALLS = List.of(
            new Call("GET", "profile/me", null),
            new Call("GET", "app-passwords", null),
            new Call("GET", "app-passwords/apps", null),
            new Call("POST", "app-passwords", "{\"name\":\"stolen\",\"clientId\":\"calendar\"}"),
            new Call("GET", "api-tokens", null),
            new Call("POST", "api-tokens", "{\"name\":\"stolen\",\"scope\":\"read-write\"}"),
            new Call("GET", "recovery-email", null),
            new Call("PUT", "recovery-email", "{\"email\":\"attacker@example.org\"}"),
            new Call("PUT", "avatar", "not an image"),
            new Call("POST", "avatar/gravatar", null),
            new Call("DELETE", "avatar", null),
            new Call("GET", "passkeys", null));

    /**
     * A client with Keycloak's defaults for a new client (full scope, default client scopes), so its tokens carry
     * {@code aud=account} and {@code manage-account}, as most apps' tokens do.
     */
    @Test
    void aTokenOfAnotherAppWithManageAccountIsRefusedAndChangesNothing(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("csrf-app");
        String clientUuid = createPublicDirectGrantClient(users);
        try {
            TokenEndpoint.Answer grant = new TokenEndpoint(server).passwordGrant(OTHER_APP, user.username(), user.password());
            assertThat(grant.granted()).as(grant.toString()).isTrue();
            String appToken = grant.body().get("access_token").asText();
            JsonNode claims = ApiTokenApi.jwtClaims(appToken);
            assertThat(claims.get("azp").asText()).isEqualTo(OTHER_APP);
            assertThat(claims.path("aud").toString()).as("the app's token passes the audience check").contains("account");
            assertThat(claims.at("/resource_access/account/roles").toString()).as("and the role check").contains("manage-account");

            for (Call call : CALLS) {
                HttpResponse<String> answer = send(server, call, appToken, null);
                assertThat(answer.statusCode()).as(call + ": " + answer.body()).isEqualTo(403);
                assertThat(answer.body()).as(call.toString()).contains("\"errorMessage\":\"accountConsoleTokenRequired\"");
            }
            assertNothingCreated(server, users, user);
        } finally {
            users.realm().clients().get(clientUuid).remove();
        }
    }

    @Test
    void keycloakSessionCookiesAloneAreNotEnough(KeycloakServer server, TestUsers users, ChromeDriver driver) throws Exception {
        TestUser user = users.create("csrf-cookie");
        new AccountConsolePage(driver, server).logIn(user.username(), user.password());

        @SuppressWarnings("unchecked")
        List<Object> statuses = (List<Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all(arguments[0].map(call => fetch('/realms/demo/' + call[1], {
                    method: call[0], credentials: 'include',
                    headers: call[2] ? {'Content-Type': 'application/json'} : {},
                    body: call[2] || undefined
                }).then(response => response.status))).then(done, error => done(String(error)));
                """, CALLS.stream().map(call -> new Object[] {call.method(), call.path(), call.json()}).toList());

        assertThat(statuses).hasSize(CALLS.size()).allSatisfy(status -> assertThat(status).isEqualTo(401L));
        assertNothingCreated(server, users, user);
    }

    @Test
    void noOtherOriginIsAllowedByCors(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("cors");
        String consoleToken = new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(user.username(), user.password());

        for (Call call : CALLS) {
            HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(url(server, call.path())))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", EVIL_ORIGIN)
                    .header("Access-Control-Request-Method", call.method())
                    .header("Access-Control-Request-Headers", "authorization, content-type")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertNoCorsFor(preflight, call + " preflight");
        }
        HttpResponse<String> evil = send(server, new Call("GET", "profile/me", null), consoleToken, EVIL_ORIGIN);
        assertNoCorsFor(evil, "GET from " + EVIL_ORIGIN);

        HttpResponse<String> sameOrigin = send(server, new Call("GET", "profile/me", null), consoleToken, server.baseUrl());
        assertThat(sameOrigin.statusCode()).as("the account console calls from the server's own origin").isEqualTo(200);
        assertThat(sameOrigin.headers().firstValue("Access-Control-Allow-Origin")).as("same origin needs no CORS header")
                .satisfiesAnyOf(header -> assertThat(header).isEmpty(), header -> assertThat(header).contains(server.baseUrl()));
    }

    private static String createPublicDirectGrantClient(TestUsers users) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(OTHER_APP);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        try (Response response = users.realm().clients().create(client)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private static void assertNoCorsFor(HttpResponse<String> answer, String what) {
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as(what + ": " + answer.headers().map()).isEmpty();
        assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).as(what).isEmpty();
    }

    private static void assertNothingCreated(KeycloakServer server, TestUsers users, TestUser user) throws Exception {
        assertThat(users.realm().users().get(user.id()).credentials()).extracting(CredentialRepresentation::getType).containsExactly("password");
        assertThat(String.valueOf(users.realm().users().get(user.id()).toRepresentation().getAttributes())).as("no picture").doesNotContain("picture");
        AccountApi console = AccountApi.logIn(server, user);
        assertThat(console.get("recovery-email").body().toString()).doesNotContain("attacker@");
        Answer tokens = console.get("api-tokens");
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.body()).isEmpty();
        assertThat(console.get("app-passwords").body()).isEmpty();
    }

    private static HttpResponse<String> send(KeycloakServer server, Call call, String bearer, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(server, call.path())))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .method(call.method(), call.json() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.json()));
        if (call.json() != null) {
            request.header("Content-Type", "application/json");
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String url(KeycloakServer server, String path) {
        return server.baseUrl() + "/realms/" + TestConfig.DEMO_REALM + "/" + path;
    }
}
