package dev.profilekit.keycloak.profile.apitoken.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenGrantTypeFactoryTest {

    /** Shortcuts of Keycloak 26.7.3's own grants (they go into access-token ids, so they must differ). */
    private static final Set<String> KEYCLOAK_SHORTCUTS = Set.of("ac", "cc", "rt", "te", "ro", "ag", "pg", "pc", "ci", "dg");

    private final ApiTokenGrantTypeFactory factory = new ApiTokenGrantTypeFactory();

    @Test
    void theIdIsTheGrantTypeValue() {
        assertThat(factory.getId()).isEqualTo("urn:profilekit:params:oauth:grant-type:api-token").isEqualTo(ApiTokenGrantTypeFactory.GRANT_TYPE);
    }

    @Test
    void theShortcutIsTwoCharactersNotUsedByKeycloak() {
        assertThat(factory.getShortcut()).hasSize(2).matches("[a-z]{2}").isNotIn(KEYCLOAK_SHORTCUTS);
    }
}
