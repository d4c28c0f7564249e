package dev.profilekit.keycloak.profile.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/** The two encodings of a WebAuthn credential id (login event: Base64url; credential data: Base64) meet as bytes. */
class WebAuthnCredentialsTest {

    /** Bytes whose encodings differ between the two alphabets ({@code +/} vs {@code -_}) and need padding. */
    private static final byte[] ID = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x01, 0x02};

    @Nested
    class EventDetail {

        @Test
        void decodesBase64UrlWithoutPadding() {
            String detail = Base64.getUrlEncoder().withoutPadding().encodeToString(ID);
            assertThat(detail).contains("-").contains("_").doesNotContain("=");
            assertThat(WebAuthnCredentials.decodeBase64Url(detail)).hasValue(ID);
        }

        @Test
        void rejectsMissingOrInvalidValues() {
            assertThat(WebAuthnCredentials.decodeBase64Url(null)).isEmpty();
            assertThat(WebAuthnCredentials.decodeBase64Url(" ")).isEmpty();
            assertThat(WebAuthnCredentials.decodeBase64Url("a+b/")).isEmpty();
            assertThat(WebAuthnCredentials.decodeBase64Url("!!!")).isEmpty();
        }
    }

    @Nested
    class StoredCredentialId {

        @Test
        void decodesKeycloaksStandardBase64() {
            String stored = Base64.getEncoder().encodeToString(ID);
            assertThat(stored).contains("+").contains("/").endsWith("=");
            assertThat(WebAuthnCredentials.decodeStoredCredentialId(stored)).hasValue(ID);
        }

        @Test
        void acceptsAnImportedBase64UrlId() {
            assertThat(WebAuthnCredentials.decodeStoredCredentialId(Base64.getUrlEncoder().encodeToString(ID))).hasValue(ID);
        }

        @Test
        void toleratesLineBreaksAsKeycloaksMimeDecoderDoes() {
            String stored = Base64.getMimeEncoder(4, "\r\n".getBytes()).encodeToString(new byte[12]);
            assertThat(stored).contains("\r\n");
            assertThat(WebAuthnCredentials.decodeStoredCredentialId(stored)).hasValue(new byte[12]);
        }

        @Test
        void rejectsMissingValues() {
            assertThat(WebAuthnCredentials.decodeStoredCredentialId(null)).isEmpty();
            assertThat(WebAuthnCredentials.decodeStoredCredentialId("")).isEmpty();
        }
    }

    @Test
    void typesMapKeycloaksCredentialTypes() {
        assertThat(PasskeyType.ofCredentialType(WebAuthnCredentialModel.TYPE_PASSWORDLESS)).hasValue(PasskeyType.PASSKEY);
        assertThat(PasskeyType.ofCredentialType(WebAuthnCredentialModel.TYPE_TWOFACTOR)).hasValue(PasskeyType.SECURITY_KEY);
        assertThat(PasskeyType.ofCredentialType("password")).isEmpty();
        assertThat(PasskeyType.PASSKEY.id()).isEqualTo("passkey");
        assertThat(PasskeyType.SECURITY_KEY.id()).isEqualTo("security-key");
    }
}
