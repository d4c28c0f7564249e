package dev.profilekit.keycloak.profile.it.support;

/**
 * Where a Keycloak answers HTTP: the suite's test server, one node of the cluster test, or the reverse proxy in front
 * of the cluster. The HTTP helpers ({@link AccountApi}, {@link TokenEndpoint}, ...) talk to any of them.
 */
public interface KeycloakAddress {

    /** {@code http://host:port}, no trailing slash. */
    String baseUrl();
}
