package dev.profilekit.keycloak.profile.apitoken.rest.dto;

/**
 * Body of {@code POST /realms/{realm}/api-tokens}.
 *
 * @param scope     {@code read-only} or {@code read-write}
 * @param allowList comma-separated IPv4/IPv6 addresses and CIDR subnets; empty or {@code null} allows any address
 * @param expiresAt ISO-8601 date-time with offset; {@code null} for 90 days (capped by the realm policy)
 */
public record CreateApiTokenRequest(String name, String scope, String allowList, String expiresAt) {
}
