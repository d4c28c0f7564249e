package dev.profilekit.keycloak.profile.it.apitoken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profilekit.keycloak.profile.it.support.KeycloakAddress;
import dev.profilekit.keycloak.profile.it.support.LoopbackClient;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API token endpoints as a script or resource server calls them. Token requests come from a chosen loopback
 * source address ({@link LoopbackClient}): that is how the tests vary the caller IP that Keycloak sees.
 */
public final class ApiTokenApi {

    public static final String GRANT_TYPE = "urn:profilekit:params:oauth:grant-type:api-token";
    public static final String CLI_CLIENT = "api-cli";
    public static final String RESOURCE_SERVER = "api-resource-server";
    public static final String RESOURCE_SERVER_SECRET = "api-resource-server-secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final KeycloakAddress server;
    private final LoopbackClient loopback;

    public ApiTokenApi(KeycloakAddress server) {
        this.server = server;
        this.loopback = new LoopbackClient(server);
    }

    /** Status, JSON body and the body exactly as received ({@code raw}). */
    public record Answer(int status, JsonNode body, String raw) {
        public String text(String field) {
            return body.path(field).asText(null);
        }
    }

    // --- self-service REST API (account-console token) ---

    public Answer list(String accountToken) throws IOException, InterruptedException {
        return send("GET", "/realms/" + TestConfig.DEMO_REALM + "/api-tokens", accountToken, null);
    }

    public Answer create(String accountToken, Map<String, ?> body) throws IOException, InterruptedException {
        return send("POST", "/realms/" + TestConfig.DEMO_REALM + "/api-tokens", accountToken, body);
    }

    public Answer update(String accountToken, String id, Map<String, ?> body) throws IOException, InterruptedException {
        return send("PUT", "/realms/" + TestConfig.DEMO_REALM + "/api-tokens/" + id, accountToken, body);
    }

    public Answer revoke(String accountToken, String id) throws IOException, InterruptedException {
        return send("DELETE", "/realms/" + TestConfig.DEMO_REALM + "/api-tokens/" + id, accountToken, null);
    }

    /** Creates a token and returns the create answer's body ({@code token} + {@code value}). */
    public JsonNode createOk(String accountToken, String scope, String allowList) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "test " + scope);
        body.put("scope", scope);
        body.put("allowList", allowList);
        Answer created = create(accountToken, body);
        if (created.status() != 201) {
            throw new IllegalStateException("create failed: " + created);
        }
        return created.body();
    }

    public Answer send(String method, String path, String bearer, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()), response.body());
    }

    // --- token endpoint and introspection, from a chosen source address ---

    public Answer exchange(String sourceAddress, String apiToken, String scope, String... extraHeaders) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("client_id", CLI_CLIENT);
        form.put("api_token", apiToken);
        if (scope != null) {
            form.put("scope", scope);
        }
        return postForm(sourceAddress, "/realms/" + TestConfig.DEMO_REALM + "/protocol/openid-connect/token", form, extraHeaders);
    }

    public Answer exchange(String apiToken) throws IOException {
        return exchange("127.0.0.1", apiToken, null);
    }

    public Answer introspect(String token, String typeHint) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", RESOURCE_SERVER);
        form.put("client_secret", RESOURCE_SERVER_SECRET);
        form.put("token", token);
        if (typeHint != null) {
            form.put("token_type_hint", typeHint);
        }
        return postForm("127.0.0.1", "/realms/" + TestConfig.DEMO_REALM + "/protocol/openid-connect/token/introspect", form);
    }

    public Answer clientCredentials() throws IOException {
        return postForm("127.0.0.1", "/realms/" + TestConfig.DEMO_REALM + "/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", RESOURCE_SERVER, "client_secret", RESOURCE_SERVER_SECRET));
    }

    /** A form POST from {@code sourceAddress} (see {@link LoopbackClient}). */
    public Answer postForm(String sourceAddress, String path, Map<String, String> form, String... extraHeaders) throws IOException {
        LoopbackClient.Answer answer = loopback.postForm(sourceAddress, path, form, extraHeaders);
        return new Answer(answer.status(), answer.body(), answer.text());
    }

    public static JsonNode jwtClaims(String jwt) throws IOException {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload));
    }

}
