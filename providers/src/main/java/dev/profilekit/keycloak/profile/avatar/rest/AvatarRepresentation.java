package dev.profilekit.keycloak.profile.avatar.rest;

import dev.profilekit.keycloak.profile.avatar.AvatarService;
import dev.profilekit.keycloak.profile.avatar.AvatarSource;

/**
 * A user's avatar as the REST APIs answer it.
 *
 * @param picture the absolute picture URL (also the user attribute and OIDC claim {@code picture}), {@code null} for none
 * @param source  where it comes from
 */
public record AvatarRepresentation(String picture, AvatarSource source) {

    public static AvatarRepresentation of(AvatarService avatar) {
        return new AvatarRepresentation(avatar.picture(), avatar.source());
    }
}
