package dev.profilekit.keycloak.profile.recoveryemail.rest;

import dev.profilekit.keycloak.profile.common.rest.AccountCaller;
import dev.profilekit.keycloak.profile.common.rest.AccountRequestAuthenticator;
import dev.profilekit.keycloak.profile.recoveryemail.RecoveryEmailAttributes;
import dev.profilekit.keycloak.profile.recoveryemail.RecoveryEmailService;
import dev.profilekit.keycloak.profile.recoveryemail.RecoveryEmailState;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The caller's recovery email at {@code /realms/{realm}/recovery-email}; every method requires an account-console
 * bearer token with {@code manage-account}. User events: {@code SEND_VERIFY_EMAIL} (confirmation mail sent, with
 * {@code email} and {@code attribute=recoveryEmail}), {@code UPDATE_PROFILE} (removed, with
 * {@code previous_recoveryEmail} / {@code previous_recoveryEmailPending}); the confirmation itself is an
 * {@code UPDATE_PROFILE} of the link's handler.
 */
public final class RecoveryEmailResource {

    static final String DETAIL_ATTRIBUTE = "attribute";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final RecoveryEmailService recoveryEmails;

    RecoveryEmailResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.recoveryEmails = new RecoveryEmailService(session, realm);
    }

    /** {@code GET /}: the confirmed and the pending address, and whether to warn about a hosted domain. */
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public RecoveryEmailState get() {
        AccountCaller caller = AccountRequestAuthenticator.requireManageAccount(session);
        return recoveryEmails.state(caller.user());
    }

    /**
     * {@code PUT /} {@code {"email": "..."}}: asks for a new recovery email and mails its confirmation link;
     * 200 with the new state. 400 {@code recoveryEmailInvalid}, {@code recoveryEmailTooLong},
     * {@code recoveryEmailSameAsPrimary}, {@code recoveryEmailTooSoon}, {@code profileLockedByAdmin},
     * {@code profileManagedByDirectory}; 503 {@code recoveryEmailSendFailed}.
     */
    @PUT
    @Path("")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RecoveryEmailState put(String body) {
        AccountCaller caller = AccountRequestAuthenticator.requireManageAccount(session);
        String clientId = caller.token().getIssuedFor() == null ? Constants.ACCOUNT_CONSOLE_CLIENT_ID : caller.token().getIssuedFor();
        RecoveryEmailService.Requested requested = recoveryEmails.request(caller.user(), clientId, RecoveryEmailRequest.parse(body).email());
        if (requested.mailSent()) {
            event(caller, EventType.SEND_VERIFY_EMAIL)
                    .detail(Details.EMAIL, requested.address().value())
                    .detail(DETAIL_ATTRIBUTE, RecoveryEmailAttributes.VERIFIED)
                    .success();
        }
        return recoveryEmails.state(caller.user());
    }

    /** {@code DELETE /}: removes the recovery email (and a pending one); 204. 400 with the lock's key when locked. */
    @DELETE
    @Path("")
    public Response delete() {
        AccountCaller caller = AccountRequestAuthenticator.requireManageAccount(session);
        RecoveryEmailService.Removed removed = recoveryEmails.remove(caller.user());
        if (removed.removedAnything()) {
            event(caller, EventType.UPDATE_PROFILE)
                    .detail(Details.PREF_PREVIOUS + RecoveryEmailAttributes.VERIFIED, removed.verified())
                    .detail(Details.PREF_PREVIOUS + RecoveryEmailAttributes.PENDING, removed.pending())
                    .success();
        }
        return Response.noContent().build();
    }

    private EventBuilder event(AccountCaller caller, EventType type) {
        return new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type)
                .user(caller.user())
                .session(caller.userSession());
    }
}
