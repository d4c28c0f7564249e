package dev.profilekit.keycloak.profile.common.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Hashes server-generated secrets for storage and checks presented secrets against the stored hash.
 *
 * <p>The hash is SHA-256 over the secret's UTF-8 bytes, as 64 lower-case hex characters. A fast, unsalted hash is
 * correct here, unlike for passwords: the secrets come from {@link SecretGenerator} with at least 128 bits of
 * entropy, so neither brute force nor precomputed tables are feasible, and a slow password hash would only cost
 * CPU on every API call. Never use this for user-chosen passwords.
 *
 * <p>The secret is hashed exactly as given (case and {@code -} included). Never logs.
 */
public final class SecretHasher {

    private static final String ALGORITHM = "SHA-256";
    private static final int HASH_HEX_LENGTH = 64;
    private static final HexFormat HEX = HexFormat.of();

    private SecretHasher() {
    }

    /** The SHA-256 of {@code secret}, as 64 lower-case hex characters. */
    public static String hash(String secret) {
        return HEX.formatHex(digest(Objects.requireNonNull(secret, "secret")));
    }

    /**
     * Whether {@code secret} hashes to {@code storedHash}, compared in constant time. {@code false}, never an
     * exception, for a {@code null} secret and for a {@code null} or malformed stored hash.
     */
    public static boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null || storedHash.length() != HASH_HEX_LENGTH) {
            return false;
        }
        byte[] expected;
        try {
            expected = HEX.parseHex(storedHash);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return MessageDigest.isEqual(digest(secret), expected);
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance(ALGORITHM).digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
