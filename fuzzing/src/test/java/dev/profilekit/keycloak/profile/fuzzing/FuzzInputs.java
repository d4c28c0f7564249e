package dev.profilekit.keycloak.profile.fuzzing;

import dev.profilekit.keycloak.profile.common.secret.SecretGenerator;

/** Turns a fuzzer's raw bytes into the values the fuzz targets need. */
public final class FuzzInputs {

    private FuzzInputs() {
    }

    /**
     * {@code length} characters of {@link SecretGenerator#ALPHABET} chosen by {@code input} from {@code offset} on
     * (cycling through it; all {@code a} for an empty input): every string the generator could produce is one.
     */
    public static String inAlphabet(byte[] input, int offset, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int b = input.length == 0 ? 0 : input[(offset + i) % input.length] & 0xff;
            text.append(SecretGenerator.ALPHABET.charAt(b % SecretGenerator.ALPHABET.length()));
        }
        return text.toString();
    }
}
