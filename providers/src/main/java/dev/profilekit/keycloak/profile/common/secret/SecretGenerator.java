package dev.profilekit.keycloak.profile.common.secret;

import java.security.SecureRandom;

/**
 * Generates human-typable random secrets and identifiers from a {@link SecureRandom}.
 *
 * <p>Alphabet: the 31 characters {@value #ALPHABET} — lower-case letters and digits without the look-alikes
 * {@code 0 o 1 l i}; each character carries log2(31) ≈ 4.95 bits. Secrets are written in groups joined by {@code -};
 * the recommended shape, {@link #generate()}, is 7 groups of 4 ({@code abcd-efgh-jkmn-pqrs-tuvw-xyz2-3456}):
 * 28 random characters, ≈ 138.7 bits. {@link #generate(int, int)} refuses shapes with less than
 * {@link #MIN_SECRET_BITS} bits, which is what makes the fast hash of {@link SecretHasher} safe.
 *
 * <p>Thread-safe; create one and share it. Never logs, and never keeps what it generated.
 */
public final class SecretGenerator {

    /** The characters secrets and identifiers are made of. */
    public static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    /** Entropy of one character: log2(31). */
    public static final double BITS_PER_CHAR = Math.log(ALPHABET.length()) / Math.log(2);
    /** The least entropy {@link #generate(int, int)} accepts. */
    public static final int MIN_SECRET_BITS = 128;
    /** Groups in the recommended shape. */
    public static final int RECOMMENDED_GROUPS = 7;
    /** Characters per group in the recommended shape. */
    public static final int RECOMMENDED_GROUP_LENGTH = 4;
    /** Separator between groups. */
    public static final char GROUP_SEPARATOR = '-';

    private static final int MAX_CHARS = 1024;

    private final SecureRandom random = new SecureRandom();

    /** A secret in the recommended shape: 7 groups of 4 characters, ≈ 138.7 bits. */
    public String generate() {
        return generate(RECOMMENDED_GROUPS, RECOMMENDED_GROUP_LENGTH);
    }

    /**
     * A secret of {@code groups} groups of {@code groupLength} characters, joined by {@code -}.
     *
     * @throws IllegalArgumentException if a count is not positive, or the secret would carry less than
     *                                  {@link #MIN_SECRET_BITS} bits (see {@link #charsForBits(int)})
     */
    public String generate(int groups, int groupLength) {
        if (groups < 1 || groupLength < 1 || (long) groups * groupLength > MAX_CHARS) {
            throw new IllegalArgumentException("groups and groupLength must be positive, at most " + MAX_CHARS + " characters in all");
        }
        if (entropyBits(groups * groupLength) < MIN_SECRET_BITS) {
            throw new IllegalArgumentException("a secret needs at least " + charsForBits(MIN_SECRET_BITS) + " characters");
        }
        StringBuilder secret = new StringBuilder(groups * (groupLength + 1));
        for (int group = 0; group < groups; group++) {
            if (group > 0) {
                secret.append(GROUP_SEPARATOR);
            }
            appendRandom(secret, groupLength);
        }
        return secret.toString();
    }

    /**
     * A random identifier of {@code chars} characters from {@link #ALPHABET}, without separators; for public ids,
     * not for secrets (no minimum entropy).
     *
     * @throws IllegalArgumentException if {@code chars} is not 1-1024
     */
    public String randomId(int chars) {
        if (chars < 1 || chars > MAX_CHARS) {
            throw new IllegalArgumentException("chars must be 1-" + MAX_CHARS);
        }
        StringBuilder id = new StringBuilder(chars);
        appendRandom(id, chars);
        return id.toString();
    }

    /** The fewest characters that carry at least {@code bits} bits of entropy, e.g. 26 for 128 bits. */
    public static int charsForBits(int bits) {
        return Math.max(0, (int) Math.ceil(bits / BITS_PER_CHAR));
    }

    /** The entropy in bits of {@code chars} random characters from {@link #ALPHABET}. */
    public static double entropyBits(int chars) {
        return chars * BITS_PER_CHAR;
    }

    private void appendRandom(StringBuilder target, int count) {
        for (int i = 0; i < count; i++) {
            target.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
    }
}
