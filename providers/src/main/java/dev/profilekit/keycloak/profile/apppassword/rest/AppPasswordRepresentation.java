package dev.profilekit.keycloak.profile.apppassword.rest;

import dev.profilekit.keycloak.profile.apppassword.credential.AppPasswordCredentialModel;
import dev.profilekit.keycloak.profile.common.usage.LastUse;
import java.time.Instant;

/**
 * An app password as listed to its owner: never the secret or its hash. Times are ISO-8601 instants;
 * {@code lastUsedAt}/{@code lastUsedIp} are {@code null} until the first use.
 */
public record AppPasswordRepresentation(String id, String name, String clientId, String appName, String allowList,
                                        String createdAt, String lastUsedAt, String lastUsedIp) {

    static AppPasswordRepresentation of(AppPasswordCredentialModel credential, String appName, LastUse lastUse) {
        return new AppPasswordRepresentation(credential.getId(), credential.getUserLabel(), credential.data().clientId(), appName,
                credential.data().allowList(), Instant.ofEpochMilli(credential.getCreatedDate()).toString(),
                lastUse.at() == null ? null : lastUse.at().toString(), lastUse.ip());
    }
}
