package dev.profilekit.keycloak.profile.avatar.rest;

import dev.profilekit.keycloak.profile.avatar.AvatarConfig;
import dev.profilekit.keycloak.profile.avatar.AvatarService;
import dev.profilekit.keycloak.profile.avatar.AvatarUserProfile;
import dev.profilekit.keycloak.profile.avatar.image.AvatarImageDecoder;
import dev.profilekit.keycloak.profile.avatar.jpa.AvatarEntity;
import dev.profilekit.keycloak.profile.avatar.jpa.AvatarStore;
import dev.profilekit.keycloak.profile.common.rest.AccountCaller;
import dev.profilekit.keycloak.profile.common.rest.AccountRequestAuthenticator;
import dev.profilekit.keycloak.profile.common.rest.ApiException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The avatar REST API at {@code /realms/{realm}/avatar}: the caller's own avatar (account-console bearer token with
 * {@code manage-account}; every change a user event {@code UPDATE_PROFILE} with {@code updated_picture} /
 * {@code previous_picture}), and the public images that {@code picture} URLs point to.
 */
public final class AvatarResource {

    /** {@code Cache-Control} of an image: every upload has a new URL, so caches may keep one for a day. */
    static final String CACHE_CONTROL = "public, max-age=86400";
    private static final Pattern IMAGE_ID = Pattern.compile("[a-z0-9]{1,32}");

    private final KeycloakSession session;
    private final AvatarConfig config;

    AvatarResource(KeycloakSession session, AvatarConfig config) {
        this.session = session;
        this.config = config;
    }

    /**
     * {@code PUT /realms/{realm}/avatar} with the picture as the raw request body (PNG, JPEG or WebP, whatever the
     * declared content type): decoded, cut to the centre square, re-encoded as a 256×256 PNG and stored.
     * 200 {@code {"picture": "<url>", "source": "upload"}}; 400 with a message key for anything else.
     */
    @PUT
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public AvatarRepresentation upload(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        AccountCaller caller = AccountRequestAuthenticator.requireManageAccount(session);
        AvatarService avatar = service(caller);
        avatar.requireUnlocked();
        if (contentLength != null && contentLength > config.maxSize()) {
            throw tooLarge();
        }
        String previous = avatar.picture();
        String picture = avatar.upload(readAtMost(body, config.maxSize()), new AvatarImageDecoder(config.maxSize()));
        event(caller, previous, picture).detail("action", "upload").success();
        return AvatarRepresentation.of(avatar);
    }

    /** {@code POST /realms/{realm}/avatar/gravatar}: use the Gravatar of the caller's email (if the realm allows it). */
    @POST
    @Path("gravatar")
    @Produces(MediaType.APPLICATION_JSON)
    public AvatarRepresentation useGravatar() {
        AccountCaller caller = AccountRequestAuthenticator.requireManageAccount(session);
        AvatarService avatar = service(caller);
        avatar.requireUnlocked();
        String previous = avatar.picture();
        String picture = avatar.useGravatar();
        event(caller, previous, picture).detail("action", "gravatar").success();
        return AvatarRepresentation.of(avatar);
    }

    /** {@code DELETE /realms/{realm}/avatar}: back to the placeholder. 204, also when there was no picture. */
    @DELETE
    @Path("")
    public Response remove() {
        AccountCaller caller = AccountRequestAuthenticator.requireManageAccount(session);
        AvatarService avatar = service(caller);
        avatar.requireUnlocked();
        String previous = avatar.picture();
        if (avatar.remove()) {
            event(caller, previous, null).detail("action", "remove").success();
        }
        return Response.noContent().build();
    }

    /**
     * {@code GET /realms/{realm}/avatar/{imageId}}, public: the stored PNG with an entity tag (a matching
     * {@code If-None-Match} answers 304), {@value #CACHE_CONTROL} and {@code X-Content-Type-Options: nosniff}.
     */
    @GET
    @Path("{imageId}")
    public Response image(@PathParam("imageId") String imageId, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        RealmModel realm = session.getContext().getRealm();
        AvatarEntity avatar = (IMAGE_ID.matcher(imageId).matches() ? new AvatarStore(session).find(imageId) : Optional.<AvatarEntity>empty())
                .filter(found -> found.getRealmId().equals(realm.getId()))
                .orElseThrow(() -> ApiException.notFound("avatarNotFound"));
        String etag = "\"" + avatar.getContentHash() + "\"";
        Response.ResponseBuilder response = matches(ifNoneMatch, etag)
                ? Response.notModified()
                : Response.ok(avatar.getImage(), "image/png").header(HttpHeaders.CONTENT_LENGTH, avatar.getImage().length);
        return response
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .header("Content-Disposition", "inline; filename=\"avatar.png\"")
                .build();
    }

    /** Whether an {@code If-None-Match} header names {@code etag} (or {@code *}); weak comparison, as RFC 9110 asks for GET. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private AvatarService service(AccountCaller caller) {
        return new AvatarService(session, session.getContext().getRealm(), caller.user());
    }

    private ApiException tooLarge() {
        var refusal = AvatarImageDecoder.tooLarge(config.maxSize());
        return ApiException.badRequest(refusal.messageKey(), "avatar", refusal.params());
    }

    /** The request body, or a 400 as soon as it proves longer than {@code max} bytes (the rest is never read). */
    private byte[] readAtMost(InputStream body, long max) {
        if (body == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int read; (read = body.read(buffer)) != -1; ) {
                if (out.size() + (long) read > max) {
                    throw tooLarge();
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw ApiException.badRequest("avatarImageInvalid", "avatar");
        }
        return out.toByteArray();
    }

    private EventBuilder event(AccountCaller caller, String previous, String updated) {
        RealmModel realm = session.getContext().getRealm();
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.UPDATE_PROFILE)
                .client(caller.token().getIssuedFor())
                .user(caller.user())
                .session(caller.userSession())
                .detail("context", "avatar");
        if (previous != null) {
            event.detail(Details.PREF_PREVIOUS + AvatarUserProfile.PICTURE, previous);
        }
        if (updated != null) {
            event.detail(Details.PREF_UPDATED + AvatarUserProfile.PICTURE, updated);
        }
        return event;
    }
}
