package dev.profilekit.keycloak.profile.apitoken;

import dev.profilekit.keycloak.profile.apitoken.jpa.ApiTokenEntity;
import dev.profilekit.keycloak.profile.apitoken.jpa.ApiTokenStore;
import dev.profilekit.keycloak.profile.apitoken.rest.dto.ApiTokenRepresentation;
import dev.profilekit.keycloak.profile.apitoken.rest.dto.CreateApiTokenRequest;
import dev.profilekit.keycloak.profile.apitoken.rest.dto.CreatedApiToken;
import dev.profilekit.keycloak.profile.apitoken.rest.dto.UpdateApiTokenRequest;
import dev.profilekit.keycloak.profile.common.rest.ApiException;
import dev.profilekit.keycloak.profile.common.secret.SecretGenerator;
import dev.profilekit.keycloak.profile.common.secret.SecretHasher;
import java.time.Instant;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A user's personal API tokens: list, create, change, revoke — the operations behind the self-service and the admin
 * REST APIs. Validates every input before writing (a refused request changes nothing); events are the caller's job.
 */
public final class ApiTokenService {

    /** {@code credential_type} detail of user events. */
    public static final String CREDENTIAL_TYPE = "api-token";
    /** Event detail with the token's public id. */
    public static final String DETAIL_TOKEN_ID = "api_token_id";

    private static final SecretGenerator GENERATOR = new SecretGenerator();

    private final ApiTokenStore store;
    private final RealmModel realm;
    private final UserModel user;

    public ApiTokenService(KeycloakSession session, RealmModel realm, UserModel user) {
        this.store = new ApiTokenStore(session);
        this.realm = realm;
        this.user = user;
    }

    public List<ApiTokenRepresentation> list() {
        Instant now = Instant.now();
        return store.listByUser(realm.getId(), user.getId()).stream().map(token -> ApiTokenRepresentation.of(token, now)).toList();
    }

    public CreatedApiToken create(CreateApiTokenRequest request, ApiTokenConfig config) {
        if (request == null) {
            throw ApiException.badRequest("apiTokenRequestMissing", null);
        }
        ApiTokenPolicy policy = ApiTokenPolicy.of(realm);
        Instant now = Instant.now();
        String name = ApiTokenInput.name(request.name());
        ApiTokenScope scope = ApiTokenInput.scope(request.scope(), policy);
        String allowList = ApiTokenInput.allowList(request.allowList(), policy).toString();
        Instant expiry = ApiTokenInput.expiry(request.expiresAt(), now, policy);
        if (store.countByUser(realm.getId(), user.getId()) >= config.maxPerUser()) {
            throw ApiException.badRequest("apiTokenLimitReached", null, config.maxPerUser());
        }

        ApiTokenValue value = ApiTokenFormat.generate(GENERATOR);
        ApiTokenEntity token = new ApiTokenEntity();
        token.setId(value.id());
        token.setRealmId(realm.getId());
        token.setUserId(user.getId());
        token.setName(name);
        token.setScope(scope.value());
        token.setAllowList(allowList);
        token.setSecretHash(SecretHasher.hash(value.secret()));
        token.setCreatedAt(now.toEpochMilli());
        token.setExpiresAt(expiry.toEpochMilli());
        store.create(token);
        return new CreatedApiToken(ApiTokenRepresentation.of(token, now), value.token());
    }

    /** Changes the allow-list and/or expiry of one of the user's tokens. */
    public ApiTokenRepresentation update(String id, UpdateApiTokenRequest request) {
        if (request == null || (request.allowList() == null && request.expiresAt() == null)) {
            throw ApiException.badRequest("apiTokenRequestMissing", null);
        }
        ApiTokenEntity token = owned(id);
        ApiTokenPolicy policy = ApiTokenPolicy.of(realm);
        Instant now = Instant.now();
        String allowList = request.allowList() == null
                ? null
                : ApiTokenInput.allowList(request.allowList(), policy).toString();
        Instant expiry = request.expiresAt() == null ? null : ApiTokenInput.expiry(request.expiresAt(), now, policy);
        if (allowList != null) {
            token.setAllowList(allowList);
        }
        if (expiry != null && expiry.toEpochMilli() != token.getExpiresAt()) {
            token.setExpiresAt(expiry.toEpochMilli());
            token.setExpiryNoticeAt(null); // a new expiry gets its own "expires soon" notice
        }
        return ApiTokenRepresentation.of(token, now);
    }

    /** Deletes one of the user's tokens; it is refused everywhere from the moment the transaction commits. */
    public ApiTokenRepresentation revoke(String id) {
        ApiTokenEntity token = owned(id);
        store.delete(token);
        return ApiTokenRepresentation.of(token, Instant.now());
    }

    private ApiTokenEntity owned(String id) {
        if (!ApiTokenFormat.isWellFormedId(id)) {
            throw ApiException.notFound("apiTokenNotFound");
        }
        return store.findOwned(realm.getId(), user.getId(), id).orElseThrow(() -> ApiException.notFound("apiTokenNotFound"));
    }
}
