package dev.profilekit.keycloak.profile.apitoken;

/**
 * The parts of a personal API token (see {@link ApiTokenFormat}). {@link #toString()} never shows the secret.
 *
 * @param id     the public id, primary key of the stored token
 * @param secret the secret part; stored only as a hash
 */
public record ApiTokenValue(String id, String secret) {

    /** The text form handed to the user once. */
    public String token() {
        return ApiTokenFormat.format(id, secret);
    }

    @Override
    public String toString() {
        return "ApiTokenValue[id=" + id + ", secret=***]";
    }
}
