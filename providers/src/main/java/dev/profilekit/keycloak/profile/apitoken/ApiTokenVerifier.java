package dev.profilekit.keycloak.profile.apitoken;

import dev.profilekit.keycloak.profile.apitoken.jpa.ApiTokenEntity;
import dev.profilekit.keycloak.profile.apitoken.jpa.ApiTokenStore;
import dev.profilekit.keycloak.profile.common.ip.IpAllowList;
import dev.profilekit.keycloak.profile.common.ip.InvalidIpAllowListException;
import dev.profilekit.keycloak.profile.common.secret.SecretHasher;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Decides whether a presented API token is valid now, from the database alone (one primary-key lookup and one
 * SHA-256): well-formed with a correct checksum, known in this realm, secret matching (constant time), not expired,
 * owner existing and enabled; a read-write token counts as read-only while the realm's policy disallows read-write
 * tokens. Shared by the token exchange and introspection; the caller-IP check is separate
 * ({@link #allowsCaller}) because only the exchange sees the token holder's address.
 */
public final class ApiTokenVerifier {

    /** Why a token was refused; {@link #reason()} goes into event details, never to the caller. */
    public enum Failure {
        MALFORMED("malformed"),
        UNKNOWN("unknown_or_revoked"),
        WRONG_SECRET("wrong_secret"),
        EXPIRED("expired"),
        USER_DISABLED("user_disabled"),
        IP_NOT_ALLOWED("ip_not_allowed"),
        /** The owner is locked out by Keycloak's brute-force detection (the token itself is valid). */
        OWNER_LOCKED_OUT("owner_locked_out");

        private final String reason;

        Failure(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }

        /**
         * Whether this failure is a guess at a known owner's secret, so counts as a failed login of the owner: only a
         * wrong secret for an existing token id. Anybody may present an unknown id or a malformed token, and an
         * expired token or a refused IP comes from someone who had the right secret.
         */
        public boolean isGuess() {
            return this == WRONG_SECRET;
        }
    }

    /** The outcome of {@link #verify}. */
    public sealed interface Result permits Valid, Invalid {
    }

    /** A valid token of an enabled user. */
    public record Valid(ApiTokenEntity token, ApiTokenScope scope, UserModel user) implements Result {
    }

    /**
     * A refused token.
     *
     * @param tokenId the public id if the token was well-formed, else {@code null}
     * @param userId  the owner if the token is known, else {@code null}
     */
    public record Invalid(Failure failure, String tokenId, String userId) implements Result {
    }

    private final KeycloakSession session;
    private final ApiTokenStore store;

    public ApiTokenVerifier(KeycloakSession session) {
        this.session = session;
        this.store = new ApiTokenStore(session);
    }

    public ApiTokenStore store() {
        return store;
    }

    public Result verify(RealmModel realm, String presented, Instant now) {
        Optional<ApiTokenValue> parsed = ApiTokenFormat.parse(presented);
        if (parsed.isEmpty()) {
            return new Invalid(Failure.MALFORMED, null, null);
        }
        String id = parsed.get().id();
        Optional<ApiTokenEntity> stored = store.find(id).filter(token -> token.getRealmId().equals(realm.getId()));
        if (stored.isEmpty()) {
            return new Invalid(Failure.UNKNOWN, id, null);
        }
        ApiTokenEntity token = stored.get();
        if (!SecretHasher.matches(parsed.get().secret(), token.getSecretHash())) {
            return new Invalid(Failure.WRONG_SECRET, id, token.getUserId());
        }
        if (!now.isBefore(Instant.ofEpochMilli(token.getExpiresAt()))) {
            return new Invalid(Failure.EXPIRED, id, token.getUserId());
        }
        Optional<ApiTokenScope> scope = ApiTokenScope.of(token.getScope());
        UserModel user = session.users().getUserById(realm, token.getUserId());
        if (user == null || !user.isEnabled() || scope.isEmpty()) {
            return new Invalid(Failure.USER_DISABLED, id, token.getUserId());
        }
        return new Valid(token, effectiveScope(scope.get(), ApiTokenPolicy.of(realm)), user);
    }

    /** A read-write token acts as read-only while the realm's policy disallows read-write tokens. */
    static ApiTokenScope effectiveScope(ApiTokenScope stored, ApiTokenPolicy policy) {
        return stored == ApiTokenScope.READ_WRITE && !policy.readWriteAllowed() ? ApiTokenScope.READ_ONLY : stored;
    }

    /** Whether the token's allow-list admits {@code remoteAddress} (Keycloak's view of the caller's address). */
    public static boolean allowsCaller(ApiTokenEntity token, String remoteAddress) {
        try {
            return IpAllowList.parse(token.getAllowList()).allows(remoteAddress);
        } catch (InvalidIpAllowListException corrupted) {
            return false;
        }
    }
}
