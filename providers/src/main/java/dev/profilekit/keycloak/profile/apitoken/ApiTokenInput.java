package dev.profilekit.keycloak.profile.apitoken;

import dev.profilekit.keycloak.profile.common.ip.InvalidIpAllowListException;
import dev.profilekit.keycloak.profile.common.ip.IpAllowList;
import dev.profilekit.keycloak.profile.common.rest.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Validates what a user sends to create or change an API token against the realm's {@link ApiTokenPolicy}.
 * Every method answers a normalised value or throws a 400 {@link ApiException} with a message key (the field is
 * the request's property name), before anything is written.
 */
public final class ApiTokenInput {

    /** Most characters of a token name. */
    public static final int MAX_NAME_LENGTH = 64;
    /** Lifetime of a token created without an expiry, capped by the policy. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

    private ApiTokenInput() {
    }

    public static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw ApiException.badRequest("apiTokenNameRequired", "name");
        }
        if (trimmed.length() > MAX_NAME_LENGTH || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("apiTokenNameInvalid", "name", MAX_NAME_LENGTH);
        }
        return trimmed;
    }

    public static ApiTokenScope scope(String scope, ApiTokenPolicy policy) {
        ApiTokenScope parsed = ApiTokenScope.of(scope)
                .orElseThrow(() -> ApiException.badRequest("apiTokenScopeInvalid", "scope"));
        if (parsed == ApiTokenScope.READ_WRITE && !policy.readWriteAllowed()) {
            throw ApiException.badRequest("apiTokenReadWriteNotAllowed", "scope");
        }
        return parsed;
    }

    public static IpAllowList allowList(String allowList, ApiTokenPolicy policy) {
        IpAllowList parsed;
        try {
            parsed = IpAllowList.parse(allowList);
        } catch (InvalidIpAllowListException invalid) {
            throw ApiException.badRequest(invalid.getMessageKey(), "allowList", invalid.getEntry() == null ? "" : invalid.getEntry());
        }
        if (parsed.isEmpty() && policy.allowListRequired()) {
            throw ApiException.badRequest("apiTokenAllowListRequired", "allowList");
        }
        return parsed;
    }

    /**
     * An ISO-8601 date-time with offset ({@code 2027-02-21T23:59:59Z}); {@code null} or blank gives
     * {@code now +} {@link #DEFAULT_LIFETIME} (capped by the policy). Must be in the future and at most the policy's
     * maximum lifetime (itself at most ten years) away.
     */
    public static Instant expiry(String expiresAt, Instant now, ApiTokenPolicy policy) {
        Instant latest = now.plus(policy.maxLifetime());
        if (expiresAt == null || expiresAt.isBlank()) {
            Instant fallback = now.plus(DEFAULT_LIFETIME);
            return fallback.isAfter(latest) ? latest : fallback;
        }
        Instant expiry;
        try {
            expiry = OffsetDateTime.parse(expiresAt.strip()).toInstant();
        } catch (DateTimeParseException malformed) {
            throw ApiException.badRequest("apiTokenExpiryInvalid", "expiresAt");
        }
        if (!expiry.isAfter(now)) {
            throw ApiException.badRequest("apiTokenExpiryInPast", "expiresAt");
        }
        if (expiry.isAfter(latest)) {
            throw ApiException.badRequest("apiTokenExpiryTooFar", "expiresAt", policy.maxLifetimeDays());
        }
        return expiry;
    }
}
