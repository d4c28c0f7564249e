package dev.profilekit.keycloak.profile.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

/** The providers jar is loaded: {@code /realms/demo/profile/me} exists and is guarded like the account REST API. */
@KeycloakIntegrationTest
class ProfileEndpointIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answers401WithoutAToken(KeycloakServer server) throws Exception {
        HttpResponse<String> response = getMe(server, null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void answers401ForAForgedToken(KeycloakServer server) throws Exception {
        HttpResponse<String> response = getMe(server, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void answers401ForATokenOfAnotherRealm(KeycloakServer server, Keycloak admin) throws Exception {
        String masterAdminToken = admin.tokenManager().getAccessTokenString();

        assertThat(getMe(server, masterAdminToken).statusCode()).isEqualTo(401);
    }

    @Test
    void answersTheCallersProfileWithAnAccountConsoleToken(KeycloakServer server, TestUsers users) throws Exception {
        TestUser user = users.create("profile-me");
        String token = new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(user.username(), user.password());

        HttpResponse<String> response = getMe(server, token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode me = JSON.readTree(response.body());
        assertThat(me.get("username").asText()).isEqualTo(user.username());
        assertThat(me.get("email").asText()).isEqualTo(user.username() + "@example.org");
        assertThat(me.get("emailVerified").asBoolean()).isTrue();
        assertThat(me.hasNonNull("accountSource")).as("local account").isFalse();
    }

    static HttpResponse<String> getMe(KeycloakServer server, String bearerToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/" + TestConfig.DEMO_REALM + "/profile/me"))
                .header("Accept", "application/json");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
