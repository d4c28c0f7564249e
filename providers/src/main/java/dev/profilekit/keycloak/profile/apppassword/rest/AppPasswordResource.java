package dev.profilekit.keycloak.profile.apppassword.rest;

import dev.profilekit.keycloak.profile.apppassword.AppPasswordClients;
import dev.profilekit.keycloak.profile.apppassword.AppPasswordMode;
import dev.profilekit.keycloak.profile.apppassword.AppPasswordService;
import dev.profilekit.keycloak.profile.apppassword.credential.AppPasswordCredentialModel;
import dev.profilekit.keycloak.profile.common.rest.AccountCaller;
import dev.profilekit.keycloak.profile.common.rest.AccountRequestAuthenticator;
import dev.profilekit.keycloak.profile.common.rest.ApiException;
import dev.profilekit.keycloak.profile.common.usage.LastUse;
import dev.profilekit.keycloak.profile.common.usage.UsageHistory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Self-service app passwords at {@code /realms/{realm}/app-passwords}; every method requires an account-console bearer
 * token with {@code manage-account}. Creates and deletes are user events {@code UPDATE_CREDENTIAL} /
 * {@code REMOVE_CREDENTIAL} with {@code credential_type=app-password}.
 */
public final class AppPasswordResource {

    static final String DETAIL_APP = "app";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AppPasswordService appPasswords;

    AppPasswordResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.appPasswords = new AppPasswordService(session, realm);
    }

    /** {@code GET /}: the caller's app passwords, newest first. */
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AppPasswordRepresentation> list() {
        AccountCaller caller = AccountRequestAuthenticator.requireManageAccount(session);
        Map<String, UsageHistory> histories = appPasswords.histories(caller.user());
        return appPasswords.list(caller.user())
                .sorted(Comparator.comparing(AppPasswordCredentialModel::getCreatedDate).reversed())
                .map(credential -> AppPasswordRepresentation.of(credential, appName(credential.data().clientId()),
                        histories.getOrDefault(credential.getId(), UsageHistory.NEVER).lastUse()))
                .toList();
    }

    /** {@code GET /apps}: the clients an admin enabled for app passwords (the page's pick-list). */
    @GET
    @Path("apps")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AppRepresentation> apps() {
        AccountRequestAuthenticator.requireManageAccount(session);
        return AppPasswordClients.enabled(realm)
                .map(client -> new AppRepresentation(client.getClientId(), AppPasswordClients.displayName(client),
                        AppPasswordClients.mode(realm, client).orElseThrow() == AppPasswordMode.ONLY))
                .sorted(Comparator.comparing(AppRepresentation::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** {@code POST /}: creates an app password; 201 with the password, shown this once. */
    @POST
    @Path("")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(AppPasswordCreateRequest request) {
        AccountCaller caller = AccountRequestAuthenticator.requireManageAccount(session);
        if (request == null) {
            throw ApiException.badRequest("appPasswordNameInvalid", "name", AppPasswordService.MAX_NAME_LENGTH);
        }
        AppPasswordService.Created created = appPasswords.create(caller.user(), request.name(), request.clientId(), request.allowList());
        AppPasswordCredentialModel credential = created.credential();
        event(caller, EventType.UPDATE_CREDENTIAL, credential).success();
        AppPasswordRepresentation representation = AppPasswordRepresentation.of(credential, appName(credential.data().clientId()), LastUse.NEVER);
        return Response.status(Response.Status.CREATED)
                .entity(new AppPasswordCreatedRepresentation(representation, created.password()))
                .build();
    }

    /** {@code DELETE /{id}}: 204, or 404 if the caller has no such app password. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        AccountCaller caller = AccountRequestAuthenticator.requireManageAccount(session);
        AppPasswordCredentialModel credential = appPasswords.list(caller.user())
                .filter(candidate -> candidate.getId().equals(id))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("appPasswordNotFound"));
        appPasswords.delete(caller.user(), id);
        event(caller, EventType.REMOVE_CREDENTIAL, credential).success();
        return Response.noContent().build();
    }

    private EventBuilder event(AccountCaller caller, EventType type, AppPasswordCredentialModel credential) {
        return new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type)
                .user(caller.user())
                .session(caller.userSession())
                .detail(Details.CREDENTIAL_TYPE, AppPasswordCredentialModel.TYPE)
                .detail(Details.CREDENTIAL_ID, credential.getId())
                .detail(DETAIL_APP, credential.data().clientId());
    }

    private String appName(String clientId) {
        return AppPasswordClients.displayName(realm, clientId);
    }
}
