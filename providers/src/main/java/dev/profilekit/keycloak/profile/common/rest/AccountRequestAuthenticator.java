package dev.profilekit.keycloak.profile.common.rest;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import org.keycloak.models.AccountRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProvider;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProviderFactory;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Authenticates self-service REST calls as Keycloak's own account REST API does (a valid bearer token for the realm,
 * audience {@code account}, the {@code manage-account} role of the {@code account} client), and more strictly: the token
 * must have been issued to the account console ({@code azp} = {@code account-console}). Any OIDC app the user logs in
 * to usually gets {@code aud=account} and {@code manage-account} through the realm's default scopes; without this
 * check such an app could mint app passwords or API tokens in the user's name.
 *
 * <p>Only the {@code Authorization: Bearer} header counts: Keycloak's session cookies alone are never enough, so a
 * cross-site request (CSRF) cannot call these endpoints. No CORS headers are sent: the account console calls from the
 * server's own origin, and no other origin is ever allowed.
 */
public final class AccountRequestAuthenticator {

    private AccountRequestAuthenticator() {
    }

    /** Message key of the 403 answer to a token of another client. */
    static final String NOT_ACCOUNT_CONSOLE = "accountConsoleTokenRequired";

    /**
     * @return the calling user
     * @throws NotAuthorizedException (401) without a valid bearer token or with a token for another audience
     * @throws ApiException (403, {@value #NOT_ACCOUNT_CONSOLE}) when the token was issued to another client
     * @throws ForbiddenException (403) when the token lacks {@code manage-account}
     */
    public static AccountCaller requireManageAccount(KeycloakSession session) {
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (auth == null) {
            throw new NotAuthorizedException("Bearer");
        }
        ClientModel accountClient = session.getContext().getRealm().getClientByClientId(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        AccessToken token = withAccountClaims(session, auth, accountClient);
        if (!token.hasAudience(accountClient.getClientId())) {
            throw new NotAuthorizedException("Bearer");
        }
        if (!Constants.ACCOUNT_CONSOLE_CLIENT_ID.equals(token.getIssuedFor())) {
            throw ApiException.forbidden(NOT_ACCOUNT_CONSOLE);
        }
        AccessToken.Access access = token.getResourceAccess(accountClient.getClientId());
        if (access == null || !access.isUserInRole(AccountRoles.MANAGE_ACCOUNT)) {
            throw new ForbiddenException();
        }
        return new AccountCaller(auth.user(), auth.session(), token);
    }

    /** Lightweight access tokens carry no audience or roles: expand them the way the account REST API does. */
    private static AccessToken withAccountClaims(KeycloakSession session, AuthResult auth, ClientModel accountClient) {
        AccessToken token = auth.token();
        if (token.getAudience() != null && token.getResourceAccess(accountClient.getClientId()) != null) {
            return token;
        }
        AccessTokenIntrospectionProvider introspection = (AccessTokenIntrospectionProvider) session.getProvider(
                TokenIntrospectionProvider.class, AccessTokenIntrospectionProviderFactory.ACCESS_TOKEN_TYPE);
        return introspection.transformAccessToken(token, auth.session());
    }
}
