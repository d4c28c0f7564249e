package dev.profilekit.keycloak.profile.recoveryemail.rest;

/** Body of {@code PUT /realms/{realm}/recovery-email}. */
public record RecoveryEmailRequest(String email) {
}
