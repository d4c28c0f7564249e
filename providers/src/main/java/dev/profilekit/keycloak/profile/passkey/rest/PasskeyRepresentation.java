package dev.profilekit.keycloak.profile.passkey.rest;

import dev.profilekit.keycloak.profile.passkey.Passkey;
import java.time.Instant;

/**
 * A passkey or security key as listed to its owner (and to an admin). Times are ISO-8601 instants;
 * {@code lastUsedAt}/{@code lastUsedIp} are {@code null} until the first recorded use.
 *
 * @param id   Keycloak's credential id (the one Keycloak's Signing in page and admin console use)
 * @param name the credential's label, {@code null} if it has none
 * @param type {@code passkey} or {@code security-key}
 */
public record PasskeyRepresentation(String id, String name, String type, String createdAt, String lastUsedAt, String lastUsedIp) {

    public static PasskeyRepresentation of(Passkey passkey) {
        return new PasskeyRepresentation(passkey.id(), passkey.name(), passkey.type().id(), iso(passkey.createdAt()),
                iso(passkey.lastUse().at()), passkey.lastUse().ip());
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
