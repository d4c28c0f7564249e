package dev.profilekit.keycloak.profile.avatar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Gravatar's picture URL for an email address (SHA-256 of the trimmed, lower-cased address). */
public final class Gravatar {

    /** Every Gravatar URL starts with this. */
    public static final String BASE_URL = "https://gravatar.com/avatar/";

    private Gravatar() {
    }

    /** {@value #BASE_URL}{@code <hash>?s=256&d=mp}: 256 px, Gravatar's neutral silhouette if the address has none. */
    public static String url(String email) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return BASE_URL + HexFormat.of().formatHex(hash) + "?s=256&d=mp";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
