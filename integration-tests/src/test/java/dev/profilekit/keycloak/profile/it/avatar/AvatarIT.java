package dev.profilekit.keycloak.profile.it.avatar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profilekit.keycloak.profile.it.avatar.AvatarApi.Answer;
import dev.profilekit.keycloak.profile.it.profilelock.ProfileLockSwitch;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.RealmAttribute;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Avatars against the real server: upload, the {@code picture} claim, the public image with its caching headers,
 * refused uploads, removal by the user and by an admin, the profile lock, Gravatar.
 */
@KeycloakIntegrationTest
class AvatarIT {

    private static final String TWO_MB_LIMIT = "2 MB";

    private KeycloakServer server;
    private Keycloak admin;
    private TestUsers users;
    private AvatarApi api;
    private TestUser user;
    private String token;

    @BeforeEach
    void setUp(KeycloakServer server, Keycloak admin, TestUsers users) throws Exception {
        this.server = server;
        this.admin = admin;
        this.users = users;
        this.api = new AvatarApi(server);
        this.user = users.create("avatar");
        this.token = logIn(user);
    }

    @Test
    void anUploadedPngBecomesThePictureClaimAndIsServedWithCachingHeaders() throws Exception {
        Answer uploaded = api.upload(token, AvatarApi.png(640, 480), "image/png");

        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(200);
        String picture = uploaded.text("picture");
        assertThat(picture).startsWith(server.baseUrl() + "/realms/demo/avatar/");
        assertThat(uploaded.text("source")).isEqualTo("upload");
        assertThat(api.userinfo(token).text("picture")).isEqualTo(picture);
        assertThat(AvatarApi.claims(logIn(user)).path("picture").asText()).as("access token of a new login").isEqualTo(picture);
        assertThat(api.me(token).text("picture")).isEqualTo(picture);

        HttpResponse<byte[]> image = AvatarApi.image(picture, null);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(image.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("max-age="));
        String etag = image.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image.body())) + "\"");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body()));
        assertThat(decoded.getWidth()).isEqualTo(256);
        assertThat(decoded.getHeight()).isEqualTo(256);

        HttpResponse<byte[]> revalidated = AvatarApi.image(picture, etag);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);
        assertThat(AvatarApi.image(picture, "\"something-else\"").statusCode()).isEqualTo(200);

        List<EventRepresentation> events = users.realm().getEvents(List.of("UPDATE_PROFILE"), null, user.id(), null, null, null, 0, 10);
        assertThat(events).anySatisfy(event -> assertThat(event.getDetails()).containsEntry("updated_picture", picture));
    }

    @Test
    void aWebpIsDecodedInsideKeycloak() throws Exception {
        Answer uploaded = api.upload(token, AvatarApi.webp(), "image/webp");

        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(200);
        HttpResponse<byte[]> image = AvatarApi.image(uploaded.text("picture"), null);
        assertThat(ImageIO.read(new ByteArrayInputStream(image.body())).getWidth()).isEqualTo(256);
    }

    @Test
    void aJpegWithAnOddContentTypeIsJudgedByItsBytes() throws Exception {
        BufferedImage photo = ImageIO.read(new ByteArrayInputStream(AvatarApi.png(300, 500)));
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        ImageIO.write(photo, "jpeg", jpeg);

        Answer uploaded = api.upload(token, jpeg.toByteArray(), "application/octet-stream");

        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(200);
    }

    @Test
    void refusedUploadsAre400WithAMessageKeyAndTheOldAvatarStays() throws Exception {
        String picture = api.upload(token, AvatarApi.png(100, 100), "image/png").text("picture");
        byte[] oversize = new byte[2 * 1024 * 1024 + 1];
        new Random(1).nextBytes(oversize);
        byte[] garbage = Arrays.copyOf(oversize, 5000);
        List<Refusal> refusals = List.of(
                new Refusal("avatarFormatUnsupported", AvatarApi.text("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "image/svg+xml"),
                new Refusal("avatarFormatUnsupported", AvatarApi.text("<!DOCTYPE html><html><script>alert(1)</script></html>"), "text/html"),
                new Refusal("avatarFormatUnsupported", garbage, "image/png"),
                new Refusal("avatarImageInvalid", concat(AvatarApi.png(50, 50), zipBytes()), "image/png"),
                new Refusal("avatarImageInvalid", Arrays.copyOf(AvatarApi.png(300, 300), 400), "image/png"),
                new Refusal("avatarTooLarge", oversize, "image/jpeg"),
                new Refusal("avatarDimensionsTooLarge", pngClaiming(50_000, 50_000), "image/png"),
                new Refusal("avatarEmpty", new byte[0], "image/png"));

        for (Refusal refusal : refusals) {
            Answer answer = api.upload(token, refusal.bytes(), refusal.contentType());
            assertThat(answer.status()).as(refusal.key() + ": " + answer.raw()).isEqualTo(400);
            assertThat(answer.errorMessage()).as(refusal.contentType()).isEqualTo(refusal.key());
        }
        assertThat(api.upload(token, oversize, "image/jpeg").body().path("params").get(0).asText()).isEqualTo(TWO_MB_LIMIT);

        assertThat(storedPicture()).isEqualTo(picture);
        assertThat(AvatarApi.image(picture, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aNewUploadHasANewUrlAndTheOldOneIsGone() throws Exception {
        String first = api.upload(token, AvatarApi.png(100, 100), "image/png").text("picture");
        String second = api.upload(token, AvatarApi.png(120, 80), "image/png").text("picture");

        assertThat(second).isNotEqualTo(first);
        assertThat(AvatarApi.image(first, null).statusCode()).isEqualTo(404);
        assertThat(AvatarApi.image(second, null).statusCode()).isEqualTo(200);
        assertThat(AvatarApi.image(server.baseUrl() + "/realms/demo/avatar/no-such-image", null).statusCode()).isEqualTo(404);
        assertThat(AvatarApi.image(second.replace("/realms/demo/", "/realms/master/"), null).statusCode()).as("other realm").isEqualTo(404);
    }

    @Test
    void removingGoesBackToThePlaceholderAndTheClaimIsGone() throws Exception {
        String picture = api.upload(token, AvatarApi.png(100, 100), "image/png").text("picture");

        assertThat(api.remove(token).status()).isEqualTo(204);

        assertThat(api.userinfo(token).body().has("picture")).isFalse();
        assertThat(api.me(token).body().has("picture")).isFalse();
        assertThat(AvatarApi.image(picture, null).statusCode()).isEqualTo(404);
        assertThat(storedPicture()).isNull();
        assertThat(api.remove(token).status()).as("removing nothing").isEqualTo(204);
    }

    @Test
    void thePictureSurvivesTheUsersOwnProfileUpdateAndCannotBeForged() throws Exception {
        String picture = api.upload(token, AvatarApi.png(100, 100), "image/png").text("picture");
        AccountApi account = new AccountApi(server, token);
        ObjectNode me = (ObjectNode) account.get("account/?userProfileMetadata=false").body();
        assertThat(me.path("attributes").has("picture")).as("not shown to the user as an editable attribute").isFalse();

        me.put("firstName", "Renamed");
        assertThat(account.post("account/", me.toString()).status()).isEqualTo(204);
        assertThat(storedPicture()).isEqualTo(picture);

        me.putObject("attributes").putArray("picture").add("https://evil.example/tracker.png");
        AccountApi.Answer forged = account.post("account/", me.toString());
        assertThat(forged.status()).isIn(204, 400);
        assertThat(storedPicture()).isEqualTo(picture);
    }

    @Test
    void anAdminUpdateOfTheUserKeepsThePicture() throws Exception {
        String picture = api.upload(token, AvatarApi.png(100, 100), "image/png").text("picture");
        UserRepresentation rep = users.realm().users().get(user.id()).toRepresentation();
        rep.setLastName("Changed");

        users.realm().users().get(user.id()).update(rep);

        assertThat(storedPicture()).isEqualTo(picture);
    }

    @Test
    void anAdminSeesAndRemovesAUsersAvatarWithAnAdminEvent() throws Exception {
        String picture = api.upload(token, AvatarApi.png(100, 100), "image/png").text("picture");
        String adminToken = admin.tokenManager().getAccessTokenString();

        Answer seen = api.admin("GET", "/users/" + user.id(), adminToken);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.text("picture")).isEqualTo(picture);
        assertThat(seen.text("source")).isEqualTo("upload");
        assertThat(api.admin("DELETE", "/users/" + user.id(), token).status()).as("a user's token").isIn(401, 403);

        assertThat(api.admin("DELETE", "/users/" + user.id(), adminToken).status()).isEqualTo(204);

        assertThat(storedPicture()).isNull();
        assertThat(AvatarApi.image(picture, null).statusCode()).isEqualTo(404);
        assertThat(api.userinfo(token).body().has("picture")).isFalse();
        List<AdminEventRepresentation> events = users.realm().getAdminEvents(List.of("DELETE"), null, null, null, null,
                "avatar/users/" + user.id(), null, null, 0, 5);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getResourceType()).isEqualTo("PROFILEKIT_AVATAR");
        Answer again = api.admin("DELETE", "/users/" + user.id(), adminToken);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorMessage()).isEqualTo("avatarNotFound");
        assertThat(api.admin("GET", "/users/no-such-user", adminToken).status()).isEqualTo(404);
    }

    @Test
    void withTheProfileLockOnTheUserCannotChangeTheAvatarUnlessTheRealmExemptsIt() throws Exception {
        String picture = api.upload(token, AvatarApi.png(100, 100), "image/png").text("picture");
        try (ProfileLockSwitch lock = new ProfileLockSwitch(admin);
             RealmAttribute covered = RealmAttribute.remember(admin.realm(TestConfig.DEMO_REALM), "profilekit.avatar.coveredByProfileLock")) {
            lock.set(true);

            Answer upload = api.upload(token, AvatarApi.png(80, 80), "image/png");
            assertThat(upload.status()).isEqualTo(400);
            assertThat(upload.errorMessage()).isEqualTo("profileLockedByAdmin");
            assertThat(api.remove(token).errorMessage()).isEqualTo("profileLockedByAdmin");
            assertThat(storedPicture()).isEqualTo(picture);
            assertThat(api.me(token).body().path("avatar").path("locked").asBoolean()).isTrue();
            assertThat(api.admin("DELETE", "/users/" + user.id(), admin.tokenManager().getAccessTokenString()).status())
                    .as("admins are never locked").isEqualTo(204);

            covered.put("false");
            assertThat(api.upload(token, AvatarApi.png(80, 80), "image/png").status()).isEqualTo(200);
            assertThat(api.me(token).body().path("avatar").path("locked").asBoolean()).isFalse();
        }
    }

    @Test
    void gravatarIsARealmOptIn() throws Exception {
        try (RealmAttribute gravatar = RealmAttribute.remember(admin.realm(TestConfig.DEMO_REALM), "profilekit.avatar.gravatarEnabled")) {
            gravatar.put("false");
            assertThat(api.gravatar(token).errorMessage()).isEqualTo("avatarGravatarDisabled");

            gravatar.put("true");
            api.upload(token, AvatarApi.png(100, 100), "image/png");
            Answer chosen = api.gravatar(token);

            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((user.username() + "@example.org").getBytes(StandardCharsets.UTF_8)));
            assertThat(chosen.status()).as(chosen.raw()).isEqualTo(200);
            assertThat(chosen.text("picture")).isEqualTo("https://gravatar.com/avatar/" + hash + "?s=256&d=mp");
            assertThat(chosen.text("source")).isEqualTo("gravatar");
            assertThat(api.userinfo(token).text("picture")).isEqualTo(chosen.text("picture"));
            assertThat(api.me(token).body().path("avatar").path("gravatarEnabled").asBoolean()).isTrue();
        }
    }

    @Test
    void theSelfServiceApiNeedsTheAccountToken() throws Exception {
        assertThat(api.upload(null, AvatarApi.png(10, 10), "image/png").status()).isEqualTo(401);
        assertThat(api.remove(null).status()).isEqualTo(401);
    }

    private String storedPicture() {
        Map<String, List<String>> attributes = users.realm().users().get(user.id()).toRepresentation().getAttributes();
        List<String> picture = attributes == null ? null : attributes.get("picture");
        return picture == null || picture.isEmpty() ? null : picture.get(0);
    }

    private String logIn(TestUser who) throws Exception {
        return new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(who.username(), who.password());
    }

    private record Refusal(String key, byte[] bytes, String contentType) {
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] zipBytes() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("payload.html"));
            zip.write(AvatarApi.text("hello"));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A valid PNG header (IHDR with a correct CRC) claiming {@code width} × {@code height}, with one tiny IDAT. */
    private static byte[] pngClaiming(int width, int height) {
        byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array();
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        return concat(signature, concat(chunk("IHDR", ihdr), concat(chunk("IDAT", new byte[] {0x78, (byte) 0x9c, 3, 0, 0, 0, 0, 1}), chunk("IEND", new byte[0]))));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data).putInt((int) crc.getValue()).array();
    }
}
