package dev.profilekit.keycloak.profile.apitoken.rest.dto;

/**
 * Answer of a successful create: the token's details and its value, which is shown this once and never again.
 */
public record CreatedApiToken(ApiTokenRepresentation token, String value) {

    @Override
    public String toString() {
        return "CreatedApiToken[token=" + token + ", value=***]";
    }
}
