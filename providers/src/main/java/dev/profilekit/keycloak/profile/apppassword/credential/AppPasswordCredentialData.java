package dev.profilekit.keycloak.profile.apppassword.credential;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The non-secret part of an app password, stored as the credential's {@code credentialData} JSON (shown by the admin
 * console's "Show data").
 *
 * @param clientId   the client (app) the password is bound to
 * @param lookupId   the public first group of the password; unique per user, picks the one credential to check
 * @param allowList  canonical IP allow-list, empty = any address
 * @param lastUsedAt epoch milliseconds of the last successful use, {@code null} if never used
 * @param lastUsedIp caller address of the last successful use, {@code null} if never used
 * @param knownIps   the last addresses it was used from, most recent first (see {@code KnownIps}); absent in data
 *                   stored before Profile Kit recorded them, and until the first use
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppPasswordCredentialData(String clientId, String lookupId, String allowList, Long lastUsedAt, String lastUsedIp,
                                        List<String> knownIps) {
}
