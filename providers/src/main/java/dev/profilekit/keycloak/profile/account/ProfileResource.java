package dev.profilekit.keycloak.profile.account;

import dev.profilekit.keycloak.profile.common.rest.AccountCaller;
import dev.profilekit.keycloak.profile.common.rest.AccountRequestAuthenticator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;

/**
 * Self-service Profile REST API, used by the account console's Profile page.
 * Every method requires an account-console bearer token with {@code manage-account}.
 */
public final class ProfileResource {

    private final KeycloakSession session;

    ProfileResource(KeycloakSession session) {
        this.session = session;
    }

    /** {@code GET /realms/{realm}/profile/me}: the calling user's profile summary. */
    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public ProfileSummary me() {
        AccountCaller caller = AccountRequestAuthenticator.requireManageAccount(session);
        return ProfileSummary.of(session.getContext().getRealm(), caller.user());
    }
}
