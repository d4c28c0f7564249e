package dev.profilekit.keycloak.profile.passkey.rest;

import dev.profilekit.keycloak.profile.common.rest.AccountCaller;
import dev.profilekit.keycloak.profile.common.rest.AccountRequestAuthenticator;
import dev.profilekit.keycloak.profile.passkey.PasskeyService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.keycloak.models.KeycloakSession;

/**
 * The caller's passkeys and security keys with their last use, at {@code /realms/{realm}/passkeys}; requires an
 * account-console bearer token with {@code manage-account}. Registering and deleting stay Keycloak's own
 * (the {@code webauthn-register-passwordless} / {@code webauthn-register} and {@code delete_credential} actions).
 */
public final class PasskeyResource {

    private final KeycloakSession session;

    PasskeyResource(KeycloakSession session) {
        this.session = session;
    }

    /** {@code GET /}: the caller's passkeys and security keys, oldest first. */
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PasskeyRepresentation> list() {
        AccountCaller caller = AccountRequestAuthenticator.requireManageAccount(session);
        return new PasskeyService(session, session.getContext().getRealm()).list(caller.user()).stream()
                .map(PasskeyRepresentation::of)
                .toList();
    }
}
