package dev.profilekit.keycloak.profile.apitoken.rest;

import dev.profilekit.keycloak.profile.apitoken.ApiTokenConfig;
import dev.profilekit.keycloak.profile.apitoken.ApiTokenService;
import dev.profilekit.keycloak.profile.apitoken.rest.dto.ApiTokenRepresentation;
import dev.profilekit.keycloak.profile.apitoken.rest.dto.CreateApiTokenRequest;
import dev.profilekit.keycloak.profile.apitoken.rest.dto.CreatedApiToken;
import dev.profilekit.keycloak.profile.apitoken.rest.dto.UpdateApiTokenRequest;
import dev.profilekit.keycloak.profile.common.rest.AccountCaller;
import dev.profilekit.keycloak.profile.common.rest.AccountRequestAuthenticator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Self-service REST API for the caller's personal API tokens, used by the account console's "API tokens" page.
 * Every method requires an account-console bearer token with {@code manage-account}; every change is a user event
 * ({@code UPDATE_CREDENTIAL} / {@code REMOVE_CREDENTIAL}, {@code credential_type=api-token}, {@code api_token_id}).
 */
@Produces(MediaType.APPLICATION_JSON)
public final class ApiTokenResource {

    private final KeycloakSession session;
    private final ApiTokenConfig config;

    ApiTokenResource(KeycloakSession session, ApiTokenConfig config) {
        this.session = session;
        this.config = config;
    }

    /** {@code GET /realms/{realm}/api-tokens}: the caller's tokens, oldest first. */
    @GET
    @Path("")
    public List<ApiTokenRepresentation> list() {
        return service(AccountRequestAuthenticator.requireManageAccount(session)).list();
    }

    /** {@code POST /realms/{realm}/api-tokens}: 201 with the token's value, shown this once. */
    @POST
    @Path("")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateApiTokenRequest request) {
        AccountCaller caller = AccountRequestAuthenticator.requireManageAccount(session);
        CreatedApiToken created = service(caller).create(request, config);
        event(caller, EventType.UPDATE_CREDENTIAL, created.token().id()).detail("action", "create").success();
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(created.token().id()).build();
        return Response.created(location).entity(created).build();
    }

    /** {@code PUT /realms/{realm}/api-tokens/{id}}: changes the allow-list and/or expiry. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiTokenRepresentation update(@PathParam("id") String id, UpdateApiTokenRequest request) {
        AccountCaller caller = AccountRequestAuthenticator.requireManageAccount(session);
        ApiTokenRepresentation updated = service(caller).update(id, request);
        event(caller, EventType.UPDATE_CREDENTIAL, id).detail("action", "update").success();
        return updated;
    }

    /** {@code DELETE /realms/{realm}/api-tokens/{id}}: revokes the token at once, on every node. */
    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        AccountCaller caller = AccountRequestAuthenticator.requireManageAccount(session);
        service(caller).revoke(id);
        event(caller, EventType.REMOVE_CREDENTIAL, id).success();
        return Response.noContent().build();
    }

    private ApiTokenService service(AccountCaller caller) {
        return new ApiTokenService(session, session.getContext().getRealm(), caller.user());
    }

    private EventBuilder event(AccountCaller caller, EventType type, String tokenId) {
        RealmModel realm = session.getContext().getRealm();
        return new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type)
                .client(caller.token().getIssuedFor())
                .user(caller.user())
                .session(caller.userSession())
                .detail(Details.CREDENTIAL_TYPE, ApiTokenService.CREDENTIAL_TYPE)
                .detail(ApiTokenService.DETAIL_TOKEN_ID, tokenId);
    }
}
