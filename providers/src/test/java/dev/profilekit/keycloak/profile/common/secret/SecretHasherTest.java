package dev.profilekit.keycloak.profile.common.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretHasherTest {

    private static final String SECRET = new SecretGenerator().generate();

    @Test
    void hashIsSha256AsLowerCaseHex() {
        assertThat(SecretHasher.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(SecretHasher.hash("\u00e4")).isEqualTo("33e6d73fee82904c8d7afb78de1154d1e8dc2a0edb08120e63df5b9385c2d9cc");
        assertThat(SecretHasher.hash(SECRET)).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(SecretHasher.hash(SECRET));
    }

    @Test
    void hashNeverContainsTheSecret() {
        assertThat(SecretHasher.hash(SECRET)).doesNotContain(SECRET);
    }

    @Test
    void hashRefusesNull() {
        assertThatThrownBy(() -> SecretHasher.hash(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void matchesTheSecretItWasMadeFrom() {
        String stored = SecretHasher.hash(SECRET);

        assertThat(SecretHasher.matches(SECRET, stored)).isTrue();
        assertThat(SecretHasher.matches(SECRET, stored.toUpperCase())).isTrue();
    }

    @Test
    void doesNotMatchAnyOtherSecret() {
        String stored = SecretHasher.hash(SECRET);

        assertThat(SecretHasher.matches(SECRET.toUpperCase(), stored)).isFalse();
        assertThat(SecretHasher.matches(SECRET.replace("-", ""), stored)).isFalse();
        assertThat(SecretHasher.matches(SECRET + " ", stored)).isFalse();
        assertThat(SecretHasher.matches("", stored)).isFalse();
        assertThat(SecretHasher.matches(null, stored)).isFalse();
        assertThat(SecretHasher.matches(new SecretGenerator().generate(), stored)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "not a hash",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0",
            "zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015\u00e4d",
            "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a "})
    void garbageStoredHashNeverMatchesAndNeverThrows(String storedHash) {
        assertThat(SecretHasher.matches("abc", storedHash)).isFalse();
    }
}
