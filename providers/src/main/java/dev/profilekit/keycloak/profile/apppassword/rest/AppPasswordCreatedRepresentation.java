package dev.profilekit.keycloak.profile.apppassword.rest;

/** Answer to a create: the only time the password is ever returned. */
public record AppPasswordCreatedRepresentation(AppPasswordRepresentation appPassword, String password) {

    @Override
    public String toString() {
        return "AppPasswordCreatedRepresentation[" + appPassword.id() + "]";
    }
}
