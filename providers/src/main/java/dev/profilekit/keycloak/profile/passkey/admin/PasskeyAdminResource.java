package dev.profilekit.keycloak.profile.passkey.admin;

import dev.profilekit.keycloak.profile.common.rest.ApiException;
import dev.profilekit.keycloak.profile.passkey.PasskeyService;
import dev.profilekit.keycloak.profile.passkey.rest.PasskeyRepresentation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Admin REST API: a user's passkeys and security keys with their last use (view users). Deleting stays in the admin
 * console (<em>Users → user → Credentials</em>).
 */
@Produces(MediaType.APPLICATION_JSON)
public final class PasskeyAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    PasskeyAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /** {@code GET /admin/realms/{realm}/passkeys/users/{userId}}: the user's passkeys and security keys, oldest first. */
    @GET
    @Path("users/{userId}")
    public List<PasskeyRepresentation> list(@PathParam("userId") String userId) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            auth.users().requireQuery();
            throw ApiException.notFound("passkeyUserNotFound");
        }
        auth.users().requireView(user);
        return new PasskeyService(session, realm).list(user).stream().map(PasskeyRepresentation::of).toList();
    }
}
