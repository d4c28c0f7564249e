package dev.profilekit.keycloak.profile.common.rest;

import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;

/**
 * The user behind an account-console bearer token, as established by {@link AccountRequestAuthenticator}.
 */
public record AccountCaller(UserModel user, UserSessionModel userSession, AccessToken token) {
}
