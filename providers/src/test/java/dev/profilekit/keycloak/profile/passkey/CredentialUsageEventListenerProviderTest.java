package dev.profilekit.keycloak.profile.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which login events name a WebAuthn credential that was used (details as Keycloak 26.7.3 sets them). */
class CredentialUsageEventListenerProviderTest {

    private static final String ID = "q83vEjRWeJA";

    @Test
    void aWebAuthnAuthenticationNamesTheCredential() {
        Map<String, String> passkeyLogin = Map.of("credential_type", "webauthn-passwordless",
                "web_authn_authenticator_user_verification_checked", "true", "public_key_credential_id", ID);
        assertThat(CredentialUsageEventListenerProvider.webAuthnAuthentication(passkeyLogin)).hasValue(ID);
    }

    @Test
    void aRegistrationIsNotAUse() {
        Map<String, String> loginAfterRegistration = Map.of("public_key_credential_id", ID,
                "public_key_credential_label", "Laptop", "public_key_credential_aaguid", "00000000-0000-0000-0000-000000000000");
        assertThat(CredentialUsageEventListenerProvider.webAuthnAuthentication(loginAfterRegistration)).isEmpty();
    }

    @Test
    void otherLoginsNameNoCredential() {
        assertThat(CredentialUsageEventListenerProvider.webAuthnAuthentication(Map.of("auth_method", "openid-connect"))).isEmpty();
        assertThat(CredentialUsageEventListenerProvider.webAuthnAuthentication(null)).isEmpty();
        assertThat(CredentialUsageEventListenerProvider.webAuthnAuthentication(
                Map.of("web_authn_authenticator_user_verification_checked", "false", "public_key_credential_id", " "))).isEmpty();
    }
}
