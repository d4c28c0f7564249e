package dev.profilekit.keycloak.profile.passkey;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * The two kinds of WebAuthn credential Keycloak stores: a passkey (passwordless, discoverable) and a security key
 * (WebAuthn as a second factor after the password).
 */
public enum PasskeyType {

    PASSKEY("passkey", WebAuthnCredentialModel.TYPE_PASSWORDLESS),
    SECURITY_KEY("security-key", WebAuthnCredentialModel.TYPE_TWOFACTOR);

    /** Keycloak's credential types of all WebAuthn credentials. */
    public static final List<String> CREDENTIAL_TYPES = Arrays.stream(values()).map(PasskeyType::credentialType).toList();

    private final String id;
    private final String credentialType;

    PasskeyType(String id, String credentialType) {
        this.id = id;
        this.credentialType = credentialType;
    }

    /** The value the REST API answers: {@code passkey} or {@code security-key}. */
    public String id() {
        return id;
    }

    /** Keycloak's credential type ({@code webauthn-passwordless} or {@code webauthn}). */
    public String credentialType() {
        return credentialType;
    }

    public static Optional<PasskeyType> ofCredentialType(String credentialType) {
        return Arrays.stream(values()).filter(type -> type.credentialType.equals(credentialType)).findFirst();
    }
}
