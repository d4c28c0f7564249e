package dev.profilekit.keycloak.profile.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls our REST endpoints under {@code /realms/demo/} with a user's account-console token. */
public final class AccountApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String token;

    public AccountApi(RunningKeycloak server, String token) {
        this.baseUrl = server.baseUrl() + "/realms/" + TestConfig.DEMO_REALM + "/";
        this.token = token;
    }

    /** Logs the user in to the account console and returns an API client with their token. */
    public static AccountApi logIn(RunningKeycloak server, TestUsers.TestUser user) throws IOException, InterruptedException {
        return new AccountApi(server, new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(user.username(), user.password()));
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public Answer post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer post(String path, Object body) throws IOException, InterruptedException {
        return post(path, JSON.writeValueAsString(body));
    }

    public Answer put(String path, Object body) throws IOException, InterruptedException {
        return putJson(path, JSON.writeValueAsString(body));
    }

    /** PUTs {@code json} as it is (also malformed JSON). */
    public Answer putJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body()));
    }

    /** Status and JSON body (a missing node for an empty body). */
    public record Answer(int status, JsonNode body) {

        /** The message key of a Keycloak error answer. */
        public String errorMessage() {
            return body.path("errorMessage").asText();
        }
    }
}
