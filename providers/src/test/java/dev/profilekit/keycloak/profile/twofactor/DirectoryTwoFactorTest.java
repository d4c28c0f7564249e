package dev.profilekit.keycloak.profile.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectoryTwoFactorTest {

    @Test
    void listsNamesOrIdsSeparatedByCommas() {
        assertThat(DirectoryTwoFactor.listed(" Corporate LDAP ,a1b2-c3,, ")).containsExactlyInAnyOrder("Corporate LDAP", "a1b2-c3");
    }

    @Test
    void anEmptyOrMissingAttributeListsNothing() {
        assertThat(DirectoryTwoFactor.listed(null)).isEmpty();
        assertThat(DirectoryTwoFactor.listed(" , ")).isEmpty();
    }
}
