package dev.profilekit.keycloak.profile.apppassword;

import dev.profilekit.keycloak.profile.common.secret.SecretGenerator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The app password format: {@code llll-ssss-ssss-ssss-ssss-ssss-ssss-ssss}, lowercase letters and digits without
 * look-alikes ({@link SecretGenerator#ALPHABET}). The first group is a public lookup id that picks the one stored
 * credential to check; the seven secret groups carry about 139 bits of entropy. Input is normalised (case, spaces) so
 * a password typed on a phone still matches.
 */
public final class AppPasswordFormat {

    static final int LOOKUP_ID_LENGTH = 4;

    private static final Pattern SHAPE = Pattern.compile("[" + SecretGenerator.ALPHABET + "]{4}(-[" + SecretGenerator.ALPHABET + "]{4}){7}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final SecretGenerator generator;

    public AppPasswordFormat(SecretGenerator generator) {
        this.generator = generator;
    }

    /** A new app password; {@code secret()} is what gets hashed and stored. */
    public AppPassword generate() {
        return new AppPassword(generator.randomId(LOOKUP_ID_LENGTH), generator.generate());
    }

    /** The lookup id and secret of a typed password, or empty if it cannot be an app password. */
    public static Optional<AppPassword> parse(String typed) {
        if (typed == null || typed.length() > 80) {
            return Optional.empty();
        }
        String normalised = WHITESPACE.matcher(typed).replaceAll("").toLowerCase(Locale.ROOT);
        if (!SHAPE.matcher(normalised).matches()) {
            return Optional.empty();
        }
        return Optional.of(new AppPassword(normalised.substring(0, LOOKUP_ID_LENGTH), normalised.substring(LOOKUP_ID_LENGTH + 1)));
    }

    /** An app password split into its public lookup id and its secret. */
    public record AppPassword(String lookupId, String secret) {

        /** The full password as the user sees it once. */
        public String value() {
            return lookupId + SecretGenerator.GROUP_SEPARATOR + secret;
        }

        @Override
        public String toString() {
            return "AppPassword[" + lookupId + "-****]";
        }
    }
}
