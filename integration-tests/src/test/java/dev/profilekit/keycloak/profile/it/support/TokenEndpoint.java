package dev.profilekit.keycloak.profile.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls the demo realm's OIDC token endpoint as an app would. */
public final class TokenEndpoint {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;

    public TokenEndpoint(RunningKeycloak server) {
        this.url = server.baseUrl() + "/realms/" + TestConfig.DEMO_REALM + "/protocol/openid-connect/token";
    }

    /** OAuth2 resource owner password grant (direct grant) for a public client. */
    public Answer passwordGrant(String clientId, String username, String password) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LoginSession.form(form)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /** Status and JSON body of a token endpoint answer. */
    public record Answer(int status, JsonNode body) {

        public boolean granted() {
            return status == 200 && body.hasNonNull("access_token");
        }
    }
}
