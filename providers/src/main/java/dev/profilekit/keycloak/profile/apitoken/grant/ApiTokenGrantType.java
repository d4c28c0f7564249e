package dev.profilekit.keycloak.profile.apitoken.grant;

import dev.profilekit.keycloak.profile.apitoken.ApiTokenScope;
import dev.profilekit.keycloak.profile.apitoken.ApiTokenService;
import dev.profilekit.keycloak.profile.apitoken.ApiTokenVerifier;
import dev.profilekit.keycloak.profile.apitoken.ApiTokenVerifier.Failure;
import dev.profilekit.keycloak.profile.apitoken.ApiTokenVerifier.Invalid;
import dev.profilekit.keycloak.profile.apitoken.ApiTokenVerifier.Valid;
import dev.profilekit.keycloak.profile.common.usage.KnownIps;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeBase;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.CorsErrorResponseException;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * Exchanges a personal API token ({@code api_token}) for a short-lived access token of its owner, like the
 * {@code client_credentials} grant does for a service account: a transient user session, no refresh token.
 *
 * <p>Checked at this moment, from the database: the token (format, checksum, secret, expiry, revocation), its owner
 * (exists, enabled), the caller's IP (Keycloak's {@code ClientConnection}, which follows the server's proxy settings)
 * against the token's allow-list, and that the client is enabled for the exchange (client attribute
 * {@value #CLIENT_ATTRIBUTE}). Any failure of the token is the same {@code invalid_grant} answer and an
 * {@code OAUTH2_EXTENSION_GRANT_ERROR} event whose {@code reason} says why. With the realm's brute-force detection on,
 * a wrong secret counts as a failed login of the token's owner and a locked-out owner's tokens are refused
 * ({@link OwnerLockout}).
 *
 * <p>The access token is capped: its {@code scope} is at most the token's scope ({@code api:read}, plus
 * {@code api:write} for read-write tokens; asking for more is {@code invalid_scope}), and it carries no roles and no
 * {@code account} audience, so it can never manage the account.
 */
final class ApiTokenGrantType extends OAuth2GrantTypeBase {

    /** Form parameter with the API token. */
    static final String PARAM_API_TOKEN = "api_token";
    /** Client attribute that enables a client for this grant ({@code "true"}). */
    static final String CLIENT_ATTRIBUTE = "profilekit.apiTokens.exchangeAllowed";
    /** Authentication method recorded in the user session. */
    static final String AUTH_METHOD = "api-token";

    private static final String ACCOUNT_AUDIENCE = "account";

    @Override
    public Response process(Context context) {
        setContext(context);
        if (!Boolean.parseBoolean(client.getAttribute(CLIENT_ATTRIBUTE))) {
            event.detail(Details.REASON, "client not enabled for the API token exchange").error(Errors.NOT_ALLOWED);
            throw new CorsErrorResponseException(cors, OAuthErrorException.UNAUTHORIZED_CLIENT,
                    "Client not allowed to exchange API tokens", Response.Status.BAD_REQUEST);
        }
        String presented = formParams.getFirst(PARAM_API_TOKEN);
        if (presented == null || presented.isBlank()) {
            event.detail(Details.REASON, "missing api_token").error(Errors.INVALID_REQUEST);
            throw new CorsErrorResponseException(cors, OAuthErrorException.INVALID_REQUEST,
                    "Missing parameter: " + PARAM_API_TOKEN, Response.Status.BAD_REQUEST);
        }

        Instant now = Instant.now();
        String callerIp = clientConnection.getRemoteAddr();
        ApiTokenVerifier verifier = new ApiTokenVerifier(session);
        OwnerLockout lockout = new OwnerLockout(session, realm);
        ApiTokenVerifier.Result result = verifier.verify(realm, presented, now);
        if (result instanceof Invalid invalid) {
            lockout.recordFailure(invalid, clientConnection);
            throw refuse(invalid);
        }
        Valid valid = (Valid) result;
        String tokenId = valid.token().getId();
        event.detail(ApiTokenService.DETAIL_TOKEN_ID, tokenId).user(valid.user()).detail(Details.USERNAME, valid.user().getUsername());
        if (lockout.isLockedOut(valid.user())) {
            throw refuse(new Invalid(Failure.OWNER_LOCKED_OUT, tokenId, valid.user().getId()));
        }
        if (!ApiTokenVerifier.allowsCaller(valid.token(), callerIp)) {
            throw refuse(new Invalid(Failure.IP_NOT_ALLOWED, tokenId, valid.user().getId()));
        }
        String scope = cappedScope(valid.scope());

        UserModel user = valid.user();
        RootAuthenticationSessionModel rootAuthSession = new AuthenticationSessionManager(session).createAuthenticationSession(realm, false);
        AuthenticationSessionModel authSession = rootAuthSession.createAuthenticationSession(client);
        authSession.setAuthenticatedUser(user);
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setClientNote(OIDCLoginProtocol.ISSUER, Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, scope);

        UserSessionModel userSession = new UserSessionManager(session).createUserSession(rootAuthSession.getId(), realm, user,
                user.getUsername(), clientConnection.getRemoteHost(), AUTH_METHOD, false, null, null,
                UserSessionModel.SessionPersistenceState.TRANSIENT);
        AuthenticationManager.setClientScopesInSession(session, authSession);
        ClientSessionContext clientSessionCtx = TokenManager.attachAuthenticationSession(session, userSession, authSession);

        TokenManager.AccessTokenResponseBuilder response = createTokenResponseBuilder(user, userSession, clientSessionCtx, scope, null);
        cap(response.getAccessToken(), tokenId);
        if (verifier.store().recordUse(valid.token(), now, callerIp)) {
            event.detail(KnownIps.EVENT_DETAIL, "true");
        }
        return createTokenResponse(response, clientSessionCtx, true);
    }

    private CorsErrorResponseException refuse(Invalid invalid) {
        event.detail(Details.REASON, invalid.failure().reason());
        if (invalid.tokenId() != null) {
            event.detail(ApiTokenService.DETAIL_TOKEN_ID, invalid.tokenId());
        }
        if (invalid.userId() != null) {
            event.user(invalid.userId());
        }
        event.error(switch (invalid.failure()) {
            case USER_DISABLED -> Errors.USER_DISABLED;
            case OWNER_LOCKED_OUT -> Errors.USER_TEMPORARILY_DISABLED;
            default -> Errors.INVALID_TOKEN;
        });
        return new CorsErrorResponseException(cors, OAuthErrorException.INVALID_GRANT, "Invalid API token", Response.Status.BAD_REQUEST);
    }

    /** The requested scopes if the token covers them all, else {@code invalid_scope}; by default all the token covers. */
    private String cappedScope(ApiTokenScope tokenScope) {
        String requested = formParams.getFirst(OAuth2Constants.SCOPE);
        Set<String> scopes = requested == null || requested.isBlank()
                ? new TreeSet<>(tokenScope.oauthScopes())
                : new LinkedHashSet<>(Arrays.asList(requested.trim().split("\\s+")));
        if (!tokenScope.oauthScopes().containsAll(scopes)) {
            event.detail(Details.REASON, "scope exceeds the API token's scope").error(Errors.INVALID_REQUEST);
            throw new CorsErrorResponseException(cors, OAuthErrorException.INVALID_SCOPE,
                    "The API token does not allow scope: " + requested, Response.Status.BAD_REQUEST);
        }
        String scope = String.join(" ", scopes);
        if (!TokenManager.isValidScope(session, scope, client)) {
            event.detail(Details.REASON, "client lacks the API token scopes").error(Errors.INVALID_REQUEST);
            throw new CorsErrorResponseException(cors, OAuthErrorException.INVALID_SCOPE,
                    "Invalid scopes: " + scope, Response.Status.BAD_REQUEST);
        }
        return scope;
    }

    /** An exchanged token's authority is its scope alone: no roles, no account audience. */
    private static void cap(AccessToken token, String apiTokenId) {
        token.setRealmAccess(null);
        token.setResourceAccess(null);
        if (token.getAudience() != null) {
            String[] audience = Arrays.stream(token.getAudience()).filter(aud -> !ACCOUNT_AUDIENCE.equals(aud)).toArray(String[]::new);
            token.audience(audience.length == 0 ? null : audience);
        }
        token.setOtherClaims(ApiTokenService.DETAIL_TOKEN_ID, apiTokenId);
    }

    @Override
    protected boolean useRefreshToken() {
        return false;
    }

    @Override
    public EventType getEventType() {
        return EventType.OAUTH2_EXTENSION_GRANT;
    }

    @Override
    public Set<String> getTokenParameterNames() {
        return Set.of(PARAM_API_TOKEN);
    }
}
