package dev.profilekit.keycloak.profile.it.support;

/**
 * A Keycloak the tests call over HTTP: the shared {@link KeycloakServer}, or a {@link KeycloakProcess} a test runs
 * itself (the upgrade test's releases). The API clients here need nothing else of it.
 */
public interface RunningKeycloak {

    /** {@code http://localhost:<http port>}, without a trailing slash. */
    String baseUrl();
}
