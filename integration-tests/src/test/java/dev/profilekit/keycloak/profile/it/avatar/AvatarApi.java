package dev.profilekit.keycloak.profile.it.avatar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profilekit.keycloak.profile.it.support.KeycloakAddress;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import javax.imageio.ImageIO;

/** The avatar endpoints, the public image URLs and the OIDC endpoints that carry the {@code picture} claim. */
public final class AvatarApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String realmUrl;
    private final String adminUrl;

    public AvatarApi(KeycloakAddress server) {
        this.realmUrl = server.baseUrl() + "/realms/" + TestConfig.DEMO_REALM;
        this.adminUrl = server.baseUrl() + "/admin/realms/" + TestConfig.DEMO_REALM + "/avatar";
    }

    /** {@code PUT /realms/demo/avatar} with the raw picture. */
    public Answer upload(String token, byte[] picture, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realmUrl + "/avatar"))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(picture));
        return send(authorized(request, token));
    }

    Answer gravatar(String token) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(URI.create(realmUrl + "/avatar/gravatar")).POST(HttpRequest.BodyPublishers.noBody()), token));
    }

    Answer remove(String token) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(URI.create(realmUrl + "/avatar")).DELETE(), token));
    }

    Answer me(String token) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(URI.create(realmUrl + "/profile/me")).GET(), token));
    }

    Answer userinfo(String token) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/userinfo")).GET(), token));
    }

    Answer admin(String method, String path, String adminToken) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(URI.create(adminUrl + path)).method(method, HttpRequest.BodyPublishers.noBody()), adminToken));
    }

    /** GETs a picture URL as a browser would, optionally revalidating with {@code If-None-Match}. */
    public static HttpResponse<byte[]> image(String url, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The claims of a JWT (not verified: the test only reads what Keycloak put in). */
    static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    public static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x60);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A WebP made by libwebp's cwebp (the decoder's unit-test fixture). */
    static byte[] webp() throws IOException {
        return Files.readAllBytes(TestConfig.projectRoot().resolve("providers/src/test/resources/avatar/lossy.webp"));
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        request.header("Accept", "application/json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        JsonNode json;
        try {
            json = body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            json = JSON.missingNode();
        }
        return new Answer(response.statusCode(), json, body);
    }

    public record Answer(int status, JsonNode body, String raw) {

        String errorMessage() {
            return body.path("errorMessage").asText();
        }

        public String text(String field) {
            return body.path(field).isMissingNode() || body.path(field).isNull() ? null : body.path(field).asText();
        }
    }
}
