package dev.profilekit.keycloak.profile.apppassword.credential;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The secret part of an app password: only a SHA-256 hash of its random secret (see {@code SecretHasher}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppPasswordSecretData(String hash) {
}
