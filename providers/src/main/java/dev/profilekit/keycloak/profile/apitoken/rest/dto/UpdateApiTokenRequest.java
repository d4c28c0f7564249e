package dev.profilekit.keycloak.profile.apitoken.rest.dto;

/**
 * Body of {@code PUT /realms/{realm}/api-tokens/{id}}: the only properties of a token that change without
 * recreating it. A {@code null} property stays as it is; {@code ""} as allow-list allows any address.
 */
public record UpdateApiTokenRequest(String allowList, String expiresAt) {
}
