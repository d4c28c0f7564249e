package dev.profilekit.keycloak.profile.it.passkey;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.representations.idm.CredentialRepresentation;

/**
 * A WebAuthn authenticator in plain Java, for tests without a browser: an ES256 key pair whose public key is stored
 * in Keycloak as a credential (through the admin API, as an import would), and assertions signed with it exactly as a
 * platform authenticator signs them (user present and verified), posted to Keycloak's real login form.
 */
final class SoftwarePasskey {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern CHALLENGE = Pattern.compile("challenge\\s*:\\s*\"([^\"]+)\"");
    private static final byte FLAGS_USER_PRESENT_AND_VERIFIED = 0x05;

    private final KeyPair keys;
    private final byte[] credentialId = new byte[16];
    private int counter;

    SoftwarePasskey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        RANDOM.nextBytes(credentialId);
    }

    /** The authenticator's public key credential id, Base64url as the login event names it. */
    String publicKeyCredentialId() {
        return BASE64URL.encodeToString(credentialId);
    }

    /**
     * The credential to store for a user: Keycloak's credential data format ({@code credentialId} standard Base64,
     * {@code credentialPublicKey} the COSE key in Base64url).
     *
     * @param type {@code webauthn-passwordless} (passkey) or {@code webauthn} (security key)
     */
    CredentialRepresentation credential(String type, String label, long createdDate) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("aaguid", "00000000-0000-0000-0000-000000000000");
        data.put("credentialId", Base64.getEncoder().encodeToString(credentialId));
        data.put("counter", 0);
        data.put("credentialPublicKey", BASE64URL.encodeToString(coseKey((ECPublicKey) keys.getPublic())));
        data.put("attestationStatementFormat", "none");
        data.put("transports", List.of("internal"));
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(type);
        credential.setUserLabel(label);
        credential.setCreatedDate(createdDate);
        credential.setCredentialData(JSON.writeValueAsString(data));
        credential.setSecretData("{}");
        return credential;
    }

    /**
     * The fields Keycloak's passkey form ({@code id="webauth"} on the login page) posts after
     * {@code navigator.credentials.get()}, answering the challenge on {@code loginPage}.
     *
     * @param origin the server's origin, e.g. {@code http://localhost:8080}
     */
    Map<String, String> assertion(String loginPage, String origin, String userId) throws Exception {
        Matcher challenge = CHALLENGE.matcher(loginPage);
        if (!challenge.find()) {
            throw new IllegalStateException("No WebAuthn challenge on the page: is the passkey button there?");
        }
        String challengeB64 = BASE64URL.encodeToString(Base64.getUrlDecoder().decode(challenge.group(1)));
        byte[] clientData = JSON.writeValueAsBytes(Map.of("type", "webauthn.get", "challenge", challengeB64, "origin", origin, "crossOrigin", false));
        byte[] authenticatorData = ByteBuffer.allocate(37)
                .put(sha256(URI.create(origin).getHost().getBytes(StandardCharsets.UTF_8)))
                .put(FLAGS_USER_PRESENT_AND_VERIFIED)
                .putInt(++counter)
                .array();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(authenticatorData);
        signer.update(sha256(clientData));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clientDataJSON", BASE64URL.encodeToString(clientData));
        fields.put("authenticatorData", BASE64URL.encodeToString(authenticatorData));
        fields.put("signature", BASE64URL.encodeToString(signer.sign()));
        fields.put("credentialId", publicKeyCredentialId());
        fields.put("userHandle", BASE64URL.encodeToString(userId.getBytes(StandardCharsets.UTF_8)));
        fields.put("error", "");
        return fields;
    }

    /** COSE_Key of an EC2 P-256 ES256 public key, CBOR-encoded: {1: 2, 3: -7, -1: 1, -2: x, -3: y}. */
    private static byte[] coseKey(ECPublicKey key) {
        ByteArrayOutputStream cbor = new ByteArrayOutputStream();
        cbor.write(0xa5);                       // map of 5 pairs
        cbor.write(0x01); cbor.write(0x02);     // kty: EC2
        cbor.write(0x03); cbor.write(0x26);     // alg: -7 (ES256)
        cbor.write(0x20); cbor.write(0x01);     // crv: P-256
        cbor.write(0x21); byteString(cbor, coordinate(key.getW().getAffineX()));
        cbor.write(0x22); byteString(cbor, coordinate(key.getW().getAffineY()));
        return cbor.toByteArray();
    }

    private static void byteString(ByteArrayOutputStream cbor, byte[] bytes) {
        cbor.write(0x58);
        cbor.write(bytes.length);
        cbor.writeBytes(bytes);
    }

    /** A coordinate as exactly 32 big-endian bytes. */
    private static byte[] coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return fixed;
    }

    private static byte[] sha256(byte[] data) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
