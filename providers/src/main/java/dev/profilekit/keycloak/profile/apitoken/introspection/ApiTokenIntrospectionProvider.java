package dev.profilekit.keycloak.profile.apitoken.introspection;

import dev.profilekit.keycloak.profile.apitoken.ApiTokenService;
import dev.profilekit.keycloak.profile.apitoken.ApiTokenVerifier;
import dev.profilekit.keycloak.profile.apitoken.ApiTokenVerifier.Invalid;
import dev.profilekit.keycloak.profile.apitoken.ApiTokenVerifier.Valid;
import dev.profilekit.keycloak.profile.apitoken.jpa.ApiTokenEntity;
import dev.profilekit.keycloak.profile.common.ip.IpAllowList;
import dev.profilekit.keycloak.profile.common.ip.IpRange;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;
import org.keycloak.services.Urls;

/**
 * Answers whether a raw API token is valid now, from the database on every call (one primary-key lookup and one
 * SHA-256), so a revocation is seen at once by every node. Active:
 * {@code {"active":true,"sub","username","scope","exp","iat","iss","jti","token_type":"api_token","allowed_ips":[...]}};
 * anything else (malformed, unknown, revoked, expired, owner disabled): {@code {"active":false}}.
 *
 * <p>The caller is the resource server, not the token holder, so the allow-list is not checked here: it is returned
 * as {@code allowed_ips} (empty = any address) for the resource server to apply to the address it sees. A successful
 * introspection records the use time (throttled) but keeps the last exchange's IP.
 *
 * <p>Brute-force detection plays no part here: a refused token never counts as a failed login of its owner, and an
 * owner locked out of the exchange still has active tokens. The caller is an authenticated resource server relaying
 * what its own clients sent; counting that would let anybody who can reach a resource server lock its users out,
 * and guessing a secret of ≈ 139 bits through it is hopeless anyway.
 */
final class ApiTokenIntrospectionProvider implements TokenIntrospectionProvider {

    private final KeycloakSession session;

    ApiTokenIntrospectionProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Response introspect(String token, EventBuilder event) {
        RealmModel realm = session.getContext().getRealm();
        Instant now = Instant.now();
        ApiTokenVerifier verifier = new ApiTokenVerifier(session);
        ApiTokenVerifier.Result result = verifier.verify(realm, token, now);
        if (result instanceof Invalid invalid) {
            event.detail(Details.REASON, invalid.failure().reason());
            if (invalid.tokenId() != null) {
                event.detail(ApiTokenService.DETAIL_TOKEN_ID, invalid.tokenId());
            }
            event.error(Errors.INVALID_TOKEN);
            return json(Map.of("active", false));
        }
        Valid valid = (Valid) result;
        ApiTokenEntity stored = valid.token();
        verifier.store().recordUse(stored, now, null);
        event.user(valid.user()).detail(ApiTokenService.DETAIL_TOKEN_ID, stored.getId()).success();

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        answer.put("sub", valid.user().getId());
        answer.put("username", valid.user().getUsername());
        answer.put("scope", String.join(" ", new TreeSet<>(valid.scope().oauthScopes())));
        answer.put("exp", stored.getExpiresAt() / 1000);
        answer.put("iat", stored.getCreatedAt() / 1000);
        answer.put("iss", Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        answer.put("jti", stored.getId());
        answer.put("token_type", ApiTokenIntrospectionProviderFactory.TOKEN_TYPE);
        answer.put("allowed_ips", IpAllowList.parse(stored.getAllowList()).ranges().stream().map(IpRange::toString).toList());
        return json(answer);
    }

    private static Response json(Map<String, Object> body) {
        return Response.ok(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    public void close() {
    }
}
