package dev.profilekit.keycloak.profile.apitoken;

import dev.profilekit.keycloak.profile.common.secret.SecretGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The text form of a personal API token: {@code pkat_<id>_<secret><checksum>}, e.g.
 * {@code pkat_k7m2qx9wd4hn_tr8c...q3vz2a} (52 characters).
 * <ul>
 *   <li>{@value #PREFIX}: fixed, so secret scanners can recognise leaked tokens;</li>
 *   <li>id: {@value #ID_LENGTH} characters, public, the primary key of the stored token;</li>
 *   <li>secret: {@value #SECRET_LENGTH} random characters (≈ 138.7 bits), stored only as a SHA-256 hash;</li>
 *   <li>checksum: {@value #CHECKSUM_LENGTH} characters, the CRC32 of everything before it written in base 31, so that
 *       typos and truncated copies are rejected without a database lookup.</li>
 * </ul>
 * Every character after the prefix is from {@link SecretGenerator#ALPHABET} (lower-case, no look-alikes) except the
 * {@code _} separator. Pure and thread-safe.
 */
public final class ApiTokenFormat {

    /** Fixed start of every token. */
    public static final String PREFIX = "pkat_";
    /** Characters of the public id. */
    public static final int ID_LENGTH = 12;
    /** Random characters of the secret (log2(31) bits each). */
    public static final int SECRET_LENGTH = 28;
    /** Characters of the checksum. */
    public static final int CHECKSUM_LENGTH = 6;
    /** Length of every well-formed token. */
    public static final int LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;

    private static final char SEPARATOR = '_';
    private static final String ALPHABET = SecretGenerator.ALPHABET;
    private static final long CHECKSUM_RANGE = pow(ALPHABET.length(), CHECKSUM_LENGTH);

    private ApiTokenFormat() {
    }

    /** A new token with a random id and secret. */
    public static ApiTokenValue generate(SecretGenerator generator) {
        return new ApiTokenValue(generator.randomId(ID_LENGTH), generator.randomId(SECRET_LENGTH));
    }

    /** The text form of {@code id} and {@code secret}, checksum included. */
    public static String format(String id, String secret) {
        String body = PREFIX + id + SEPARATOR + secret;
        return body + checksum(body);
    }

    /**
     * Parses a presented token. Empty, never an exception, for anything that is not exactly a well-formed token with a
     * correct checksum ({@code null}, wrong length or prefix, foreign characters, upper case, white space, typos).
     */
    public static Optional<ApiTokenValue> parse(String token) {
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int idStart = PREFIX.length();
        int separator = idStart + ID_LENGTH;
        int checksumStart = LENGTH - CHECKSUM_LENGTH;
        if (token.charAt(separator) != SEPARATOR || !inAlphabet(token, idStart, separator) || !inAlphabet(token, separator + 1, LENGTH)) {
            return Optional.empty();
        }
        String body = token.substring(0, checksumStart);
        if (!checksum(body).equals(token.substring(checksumStart))) {
            return Optional.empty();
        }
        return Optional.of(new ApiTokenValue(token.substring(idStart, separator), token.substring(separator + 1, checksumStart)));
    }

    /** Whether {@code id} could be the id part of a token (e.g. a path parameter), without a lookup. */
    public static boolean isWellFormedId(String id) {
        return id != null && id.length() == ID_LENGTH && inAlphabet(id, 0, ID_LENGTH);
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue() % CHECKSUM_RANGE;
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = ALPHABET.charAt((int) (value % ALPHABET.length()));
            value /= ALPHABET.length();
        }
        return new String(digits);
    }

    private static boolean inAlphabet(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static long pow(int base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
