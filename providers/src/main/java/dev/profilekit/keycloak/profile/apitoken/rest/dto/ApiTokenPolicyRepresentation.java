package dev.profilekit.keycloak.profile.apitoken.rest.dto;

import dev.profilekit.keycloak.profile.apitoken.ApiTokenPolicy;

/**
 * A realm's API token policy in the admin REST API. In a PUT a {@code null} property stays as it is.
 *
 * @param maxLifetimeDays 1-3650
 */
public record ApiTokenPolicyRepresentation(Integer maxLifetimeDays, Boolean allowListRequired, Boolean readWriteAllowed) {

    public static ApiTokenPolicyRepresentation of(ApiTokenPolicy policy) {
        return new ApiTokenPolicyRepresentation(policy.maxLifetimeDays(), policy.allowListRequired(), policy.readWriteAllowed());
    }
}
