package dev.profilekit.keycloak.profile.apitoken.admin;

import dev.profilekit.keycloak.profile.apitoken.ApiTokenPolicy;
import dev.profilekit.keycloak.profile.apitoken.ApiTokenService;
import dev.profilekit.keycloak.profile.apitoken.rest.dto.ApiTokenPolicyRepresentation;
import dev.profilekit.keycloak.profile.apitoken.rest.dto.ApiTokenRepresentation;
import dev.profilekit.keycloak.profile.common.rest.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Admin REST API: a user's tokens (view users / manage users) and the realm's API token policy (view / manage realm).
 * Every change is an admin event (resource types {@value #TOKEN_RESOURCE} and {@value #POLICY_RESOURCE}).
 */
@Produces(MediaType.APPLICATION_JSON)
public final class ApiTokenAdminResource {

    /** Admin event resource type of a revoked token. */
    public static final String TOKEN_RESOURCE = "PROFILEKIT_API_TOKEN";
    /** Admin event resource type of a policy change. */
    public static final String POLICY_RESOURCE = "PROFILEKIT_API_TOKEN_POLICY";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    ApiTokenAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /** {@code GET /admin/realms/{realm}/api-tokens/users/{userId}}: the user's tokens. */
    @GET
    @Path("users/{userId}")
    public List<ApiTokenRepresentation> list(@PathParam("userId") String userId) {
        UserModel user = user(userId);
        auth.users().requireView(user);
        return new ApiTokenService(session, realm, user).list();
    }

    /** {@code DELETE /admin/realms/{realm}/api-tokens/users/{userId}/{tokenId}}: revokes a user's token. */
    @DELETE
    @Path("users/{userId}/{tokenId}")
    public Response revoke(@PathParam("userId") String userId, @PathParam("tokenId") String tokenId) {
        UserModel user = user(userId);
        auth.users().requireManage(user);
        ApiTokenRepresentation revoked = new ApiTokenService(session, realm, user).revoke(tokenId);
        adminEvent.operation(OperationType.DELETE).resource(TOKEN_RESOURCE)
                .resourcePath("api-tokens", "users", userId, tokenId)
                .representation(revoked)
                .success();
        return Response.noContent().build();
    }

    /** {@code GET /admin/realms/{realm}/api-tokens/policy}. */
    @GET
    @Path("policy")
    public ApiTokenPolicyRepresentation policy() {
        auth.realm().requireViewRealm();
        return ApiTokenPolicyRepresentation.of(ApiTokenPolicy.of(realm));
    }

    /** {@code PUT /admin/realms/{realm}/api-tokens/policy}: {@code null} properties stay as they are. */
    @PUT
    @Path("policy")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiTokenPolicyRepresentation updatePolicy(ApiTokenPolicyRepresentation request) {
        auth.realm().requireManageRealm();
        if (request == null) {
            throw ApiException.badRequest("apiTokenRequestMissing", null);
        }
        ApiTokenPolicy current = ApiTokenPolicy.of(realm);
        int maxLifetimeDays = request.maxLifetimeDays() == null ? current.maxLifetimeDays() : request.maxLifetimeDays();
        if (!ApiTokenPolicy.isValidMaxLifetimeDays(maxLifetimeDays)) {
            throw ApiException.badRequest("apiTokenPolicyMaxLifetimeInvalid", "maxLifetimeDays", ApiTokenPolicy.MAX_LIFETIME_DAYS_LIMIT);
        }
        ApiTokenPolicy updated = new ApiTokenPolicy(maxLifetimeDays,
                request.allowListRequired() == null ? current.allowListRequired() : request.allowListRequired(),
                request.readWriteAllowed() == null ? current.readWriteAllowed() : request.readWriteAllowed());
        updated.store(realm);
        ApiTokenPolicyRepresentation answer = ApiTokenPolicyRepresentation.of(updated);
        adminEvent.operation(OperationType.UPDATE).resource(POLICY_RESOURCE)
                .resourcePath("api-tokens", "policy")
                .representation(answer)
                .success();
        return answer;
    }

    private UserModel user(String userId) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            auth.users().requireQuery();
            throw ApiException.notFound("apiTokenUserNotFound");
        }
        return user;
    }
}
