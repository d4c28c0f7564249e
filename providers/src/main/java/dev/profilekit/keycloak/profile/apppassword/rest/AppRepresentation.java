package dev.profilekit.keycloak.profile.apppassword.rest;

/** A client the user may create app passwords for; {@code appPasswordsOnly}: the main password is refused there. */
public record AppRepresentation(String clientId, String name, boolean appPasswordsOnly) {
}
