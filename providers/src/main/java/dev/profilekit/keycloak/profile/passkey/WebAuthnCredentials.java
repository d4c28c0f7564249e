package dev.profilekit.keycloak.profile.passkey;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.dto.WebAuthnCredentialData;
import org.keycloak.util.JsonSerialization;

/**
 * A user's stored WebAuthn credentials (passkeys and security keys), and the one behind a WebAuthn credential id.
 * <p>
 * Keycloak knows a WebAuthn credential by two ids: its own credential id (a UUID, {@link CredentialModel#getId()})
 * and the authenticator's public key credential id (raw bytes). The login event names the latter, Base64url-encoded
 * ({@code public_key_credential_id}); the credential data stores it standard-Base64-encoded. Both are decoded and
 * compared as bytes.
 */
public final class WebAuthnCredentials {

    private static final Logger LOG = Logger.getLogger(WebAuthnCredentials.class);

    private WebAuthnCredentials() {
    }

    /** The user's passkeys and security keys, oldest first (the order of Keycloak's Signing in page). */
    public static List<CredentialModel> of(UserModel user) {
        return PasskeyType.CREDENTIAL_TYPES.stream()
                .flatMap(type -> user.credentialManager().getStoredCredentialsByTypeStream(type))
                .sorted(Comparator.comparing((CredentialModel credential) -> credential.getCreatedDate() == null ? 0L : credential.getCreatedDate())
                        .thenComparing(CredentialModel::getId))
                .toList();
    }

    /**
     * The user's WebAuthn credential with this public key credential id.
     *
     * @param publicKeyCredentialId Base64url, as in the login event's {@code public_key_credential_id} detail
     */
    public static Optional<CredentialModel> byPublicKeyCredentialId(UserModel user, String publicKeyCredentialId) {
        Optional<byte[]> wanted = decodeBase64Url(publicKeyCredentialId);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return of(user).stream()
                .filter(credential -> storedCredentialId(credential).filter(stored -> Arrays.equals(stored, wanted.get())).isPresent())
                .findFirst();
    }

    /** Decodes a Base64url value (with or without padding); empty for {@code null} or invalid input. */
    static Optional<byte[]> decodeBase64Url(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getUrlDecoder().decode(value.strip()));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /**
     * Decodes a stored credential id. Keycloak writes standard Base64 and reads it with the MIME decoder (which
     * ignores line breaks); an id imported in Base64url is accepted too.
     */
    static Optional<byte[]> decodeStoredCredentialId(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.indexOf('-') >= 0 || value.indexOf('_') >= 0) {
            return decodeBase64Url(value);
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(value));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> storedCredentialId(CredentialModel credential) {
        try {
            WebAuthnCredentialData data = JsonSerialization.readValue(credential.getCredentialData(), WebAuthnCredentialData.class);
            return decodeStoredCredentialId(data.getCredentialId());
        } catch (IOException | RuntimeException unreadable) {
            LOG.debugf("Unreadable WebAuthn credential data of credential %s", credential.getId());
            return Optional.empty();
        }
    }
}
