package dev.profilekit.keycloak.profile.apppassword.rest;

import dev.profilekit.keycloak.profile.apppassword.credential.AppPasswordCredentialModel;

/** An app password as listed to its owner: never the secret or its hash. */
public record AppPasswordRepresentation(String id, String name, String clientId, String appName, String allowList,
                                        long createdAt, Long lastUsedAt, String lastUsedIp) {

    static AppPasswordRepresentation of(AppPasswordCredentialModel credential, String appName) {
        return new AppPasswordRepresentation(credential.getId(), credential.getUserLabel(), credential.data().clientId(), appName,
                credential.data().allowList(), credential.getCreatedDate(), credential.data().lastUsedAt(), credential.data().lastUsedIp());
    }
}
