package dev.profilekit.keycloak.profile.avatar.admin;

import dev.profilekit.keycloak.profile.avatar.AvatarService;
import dev.profilekit.keycloak.profile.avatar.rest.AvatarRepresentation;
import dev.profilekit.keycloak.profile.common.rest.ApiException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Admin REST API for avatars: see a user's avatar (view users) and remove it (manage users; an admin event with
 * resource type {@value #RESOURCE}). Admins are never held back by the profile lock.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class AvatarAdminResource {

    /** Admin event resource type of a removed avatar. */
    public static final String RESOURCE = "PROFILEKIT_AVATAR";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    AvatarAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /** {@code GET /admin/realms/{realm}/avatar/users/{userId}}: the user's picture URL and where it comes from. */
    @GET
    @Path("users/{userId}")
    public AvatarRepresentation get(@PathParam("userId") String userId) {
        UserModel user = user(userId);
        auth.users().requireView(user);
        return AvatarRepresentation.of(new AvatarService(session, realm, user));
    }

    /** {@code DELETE /admin/realms/{realm}/avatar/users/{userId}}: back to the placeholder; 404 if the user has no picture. */
    @DELETE
    @Path("users/{userId}")
    public Response remove(@PathParam("userId") String userId) {
        UserModel user = user(userId);
        auth.users().requireManage(user);
        AvatarService avatar = new AvatarService(session, realm, user);
        AvatarRepresentation removed = AvatarRepresentation.of(avatar);
        if (!avatar.remove()) {
            throw ApiException.notFound("avatarNotFound");
        }
        adminEvent.operation(OperationType.DELETE).resource(RESOURCE)
                .resourcePath(AvatarService.PATH, "users", userId)
                .representation(removed)
                .success();
        return Response.noContent().build();
    }

    private UserModel user(String userId) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            auth.users().requireQuery();
            throw ApiException.notFound("avatarUserNotFound");
        }
        return user;
    }
}
