package dev.profilekit.keycloak.profile.apitoken.rest.dto;

import dev.profilekit.keycloak.profile.apitoken.jpa.ApiTokenEntity;
import java.time.Instant;

/**
 * A personal API token as listed (never its secret). Times are ISO-8601 instants; {@code lastUsedAt} /
 * {@code lastUsedIp} are {@code null} until first use and accurate to about a minute.
 *
 * @param allowList canonical comma-separated IPs/CIDRs; {@code ""} allows any address
 */
public record ApiTokenRepresentation(String id, String name, String scope, String allowList, String createdAt,
        String expiresAt, boolean expired, String lastUsedAt, String lastUsedIp) {

    public static ApiTokenRepresentation of(ApiTokenEntity token, Instant now) {
        return new ApiTokenRepresentation(token.getId(), token.getName(), token.getScope(), token.getAllowList(),
                iso(token.getCreatedAt()), iso(token.getExpiresAt()), now.toEpochMilli() >= token.getExpiresAt(),
                token.getLastUsedAt() == null ? null : iso(token.getLastUsedAt()), token.getLastUsedIp());
    }

    private static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
