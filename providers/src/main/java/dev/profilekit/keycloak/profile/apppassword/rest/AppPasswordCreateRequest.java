package dev.profilekit.keycloak.profile.apppassword.rest;

/** Body of {@code POST /realms/{realm}/app-passwords}; {@code allowList} is optional (empty = any address). */
public record AppPasswordCreateRequest(String name, String clientId, String allowList) {
}
