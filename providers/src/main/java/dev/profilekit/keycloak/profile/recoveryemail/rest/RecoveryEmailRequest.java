package dev.profilekit.keycloak.profile.recoveryemail.rest;

import java.io.IOException;
import org.keycloak.util.JsonSerialization;

/** Body of {@code PUT /realms/{realm}/recovery-email}: {@code {"email": "..."}}. */
public record RecoveryEmailRequest(String email) {

    private static final RecoveryEmailRequest EMPTY = new RecoveryEmailRequest(null);

    /**
     * Reads the body leniently: anything that is not such an object (malformed JSON, an array, a non-text email)
     * becomes a request without an address, which the service refuses with its message key.
     */
    static RecoveryEmailRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return EMPTY;
        }
        try {
            RecoveryEmailRequest request = JsonSerialization.readValue(body, RecoveryEmailRequest.class);
            return request == null ? EMPTY : request;
        } catch (IOException | RuntimeException malformed) {
            return EMPTY;
        }
    }
}
