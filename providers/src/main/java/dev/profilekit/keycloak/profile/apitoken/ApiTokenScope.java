package dev.profilekit.keycloak.profile.apitoken;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** What a personal API token may do: the OAuth scopes an exchange may grant at most. */
public enum ApiTokenScope {

    READ_ONLY("read-only", Set.of(ApiTokenScope.API_READ)),
    READ_WRITE("read-write", Set.of(ApiTokenScope.API_READ, ApiTokenScope.API_WRITE));

    /** Client scope for reading (defined in the realm; see realm-config). */
    public static final String API_READ = "api:read";
    /** Client scope for writing (defined in the realm; see realm-config). */
    public static final String API_WRITE = "api:write";

    private final String value;
    private final Set<String> oauthScopes;

    ApiTokenScope(String value, Set<String> oauthScopes) {
        this.value = value;
        this.oauthScopes = oauthScopes;
    }

    /** The value in the REST API and the database: {@code read-only} or {@code read-write}. */
    public String value() {
        return value;
    }

    /** The OAuth scopes a token of this scope may obtain, at most. */
    public Set<String> oauthScopes() {
        return oauthScopes;
    }

    /** The scope named {@code value}, or empty for anything else (case-sensitive). */
    public static Optional<ApiTokenScope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
