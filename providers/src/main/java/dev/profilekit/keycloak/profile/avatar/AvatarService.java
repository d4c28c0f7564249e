package dev.profilekit.keycloak.profile.avatar;

import dev.profilekit.keycloak.profile.avatar.image.AvatarImageDecoder;
import dev.profilekit.keycloak.profile.avatar.image.InvalidAvatarImageException;
import dev.profilekit.keycloak.profile.avatar.jpa.AvatarEntity;
import dev.profilekit.keycloak.profile.avatar.jpa.AvatarStore;
import dev.profilekit.keycloak.profile.common.rest.ApiException;
import dev.profilekit.keycloak.profile.common.secret.SecretGenerator;
import dev.profilekit.keycloak.profile.profilelock.ProfileLock;
import jakarta.persistence.PersistenceException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.urls.UrlType;

/**
 * A user's avatar: upload, Gravatar, removal — the operations behind the self-service and the admin REST APIs.
 * The picture is stored in the database and its absolute URL in the user attribute {@value AvatarUserProfile#PICTURE},
 * both in the request's transaction, so every cluster node serves and announces the same avatar, and a refused
 * request changes nothing. Events are the caller's job.
 */
public final class AvatarService {

    /** Path segment of the avatar REST resource below {@code /realms/{realm}/}. */
    public static final String PATH = "avatar";
    /** Random characters of an image id: ≈ 129 bits, so an avatar's URL cannot be guessed. */
    static final int IMAGE_ID_LENGTH = 26;

    private static final SecretGenerator GENERATOR = new SecretGenerator();

    private final KeycloakSession session;
    private final AvatarStore store;
    private final RealmModel realm;
    private final UserModel user;

    public AvatarService(KeycloakSession session, RealmModel realm, UserModel user) {
        this.session = session;
        this.store = new AvatarStore(session);
        this.realm = realm;
        this.user = user;
    }

    /** The user's current picture URL, or {@code null}. */
    public String picture() {
        return user.getFirstAttribute(AvatarUserProfile.PICTURE);
    }

    /** Where the current picture comes from: an upload, Gravatar, something else (an admin, an identity provider), or none. */
    public AvatarSource source() {
        String picture = picture();
        if (picture == null) {
            return AvatarSource.NONE;
        }
        if (picture.startsWith(Gravatar.BASE_URL)) {
            return AvatarSource.GRAVATAR;
        }
        return store.findByUser(realm.getId(), user.getId()).filter(avatar -> picture.endsWith("/" + avatar.getId())).isPresent()
                ? AvatarSource.UPLOAD
                : AvatarSource.OTHER;
    }

    /** Refuses a self-service change when the profile lock covers the avatar for this user. */
    public void requireUnlocked() {
        Optional<ProfileLock> lock = AvatarSettings.of(realm).lockOf(realm, user);
        if (lock.isPresent()) {
            String directory = lock.get().directory();
            Object[] params = directory == null ? new Object[] {AvatarUserProfile.PICTURE} : new Object[] {AvatarUserProfile.PICTURE, directory};
            throw ApiException.badRequest(lock.get().messageKey(), AvatarUserProfile.PICTURE, params);
        }
    }

    /**
     * Decodes and re-encodes {@code upload} and makes it the user's avatar, replacing any earlier one.
     *
     * @return the new picture URL
     */
    public String upload(byte[] upload, AvatarImageDecoder decoder) {
        byte[] png;
        try {
            png = decoder.decode(upload);
        } catch (InvalidAvatarImageException invalid) {
            throw ApiException.badRequest(invalid.messageKey(), "avatar", invalid.params());
        }
        AvatarEntity avatar = new AvatarEntity();
        avatar.setId(GENERATOR.randomId(IMAGE_ID_LENGTH));
        avatar.setRealmId(realm.getId());
        avatar.setUserId(user.getId());
        avatar.setImage(png);
        avatar.setContentHash(sha256(png));
        avatar.setCreatedAt(Instant.now().toEpochMilli());
        try {
            store.replace(avatar);
        } catch (PersistenceException concurrentUpload) {
            throw ApiException.conflict("avatarUploadConflict");
        }
        String url = imageUrl(avatar.getId());
        user.setSingleAttribute(AvatarUserProfile.PICTURE, url);
        return url;
    }

    /**
     * Makes the user's Gravatar (by their current email) their picture, removing an uploaded one.
     *
     * @return the Gravatar URL
     */
    public String useGravatar() {
        if (!AvatarSettings.of(realm).gravatarEnabled()) {
            throw ApiException.badRequest("avatarGravatarDisabled", null);
        }
        String email = user.getEmail();
        if (email == null || email.isBlank()) {
            throw ApiException.badRequest("avatarGravatarNoEmail", null);
        }
        String url = Gravatar.url(email);
        store.deleteByUser(realm.getId(), user.getId());
        user.setSingleAttribute(AvatarUserProfile.PICTURE, url);
        return url;
    }

    /**
     * Back to the placeholder: deletes an uploaded picture and the {@value AvatarUserProfile#PICTURE} attribute.
     *
     * @return whether there was a picture
     */
    public boolean remove() {
        boolean had = picture() != null || store.findByUser(realm.getId(), user.getId()).isPresent();
        store.deleteByUser(realm.getId(), user.getId());
        user.removeAttribute(AvatarUserProfile.PICTURE);
        return had;
    }

    /** The public, absolute URL of a stored image: {@code .../realms/{realm}/avatar/{imageId}}. */
    private String imageUrl(String imageId) {
        return session.getContext().getUri(UrlType.FRONTEND).getBaseUriBuilder()
                .path("realms").path(realm.getName()).path(PATH).path(imageId)
                .build().toString();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
