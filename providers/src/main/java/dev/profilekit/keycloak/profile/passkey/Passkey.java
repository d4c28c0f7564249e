package dev.profilekit.keycloak.profile.passkey;

import dev.profilekit.keycloak.profile.common.usage.LastUse;
import java.time.Instant;

/**
 * One of a user's WebAuthn credentials with its last use.
 *
 * @param id        Keycloak's credential id
 * @param name      the label the user gave it, {@code null} if none
 * @param createdAt {@code null} if Keycloak has no creation time (an imported credential)
 */
public record Passkey(String id, String name, PasskeyType type, Instant createdAt, LastUse lastUse) {
}
