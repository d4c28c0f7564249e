package dev.profilekit.keycloak.profile.it.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app: RFC 6238 codes as Keycloak's default OTP policy computes them (HMAC-SHA1, 6 digits,
 * 30-second steps, one step of clock drift accepted either way). Keycloak refuses a code it has seen before, so every
 * {@link #nextCode()} uses a step not used yet.
 */
public final class Totp {

    private final String secret;
    private final java.util.Set<Long> usedSteps = new java.util.HashSet<>();

    /** @param totpSecret the secret Keycloak's TOTP setup page carries in its {@code totpSecret} field */
    public Totp(String totpSecret) {
        this.secret = totpSecret;
    }

    /**
     * A code Keycloak accepts now and that this app has not given out before; when the current window's three codes
     * are used up, waits for the next 30-second step.
     */
    public String nextCode() {
        while (true) {
            long seconds = System.currentTimeMillis() / 1000;
            long now = seconds / 30;
            // the previous step's code stays valid only until the server's clock moves on: not near a step's end
            long[] candidates = seconds % 30 < 20 ? new long[] {now, now + 1, now - 1} : new long[] {now, now + 1};
            for (long step : candidates) {
                if (usedSteps.add(step)) {
                    return code(secret, step);
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String code(String totpSecret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(totpSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
