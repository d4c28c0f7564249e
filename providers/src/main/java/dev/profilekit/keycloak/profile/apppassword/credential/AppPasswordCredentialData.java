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
 * @param lastUsedAt legacy: epoch milliseconds of the last use, recorded here by builds before changeSet
 *                   profilekit-credential-usage-2 (uses are now in PROFILEKIT_CREDENTIAL_USAGE, so that a use never
 *                   writes Keycloak's credential row); {@code null} since
 * @param lastUsedIp legacy, see lastUsedAt
 * @param knownIps   legacy, see lastUsedAt: the last addresses it was used from, most recent first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppPasswordCredentialData(String clientId, String lookupId, String allowList, Long lastUsedAt, String lastUsedIp,
                                        List<String> knownIps) {
}
