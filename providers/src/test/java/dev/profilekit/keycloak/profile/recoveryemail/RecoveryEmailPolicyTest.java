package dev.profilekit.keycloak.profile.recoveryemail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryEmailPolicyTest {

    @Test
    void aRealmWithoutAttributesHostsNothingAndWaitsThirtySeconds() {
        RecoveryEmailPolicy policy = RecoveryEmailPolicy.of(null, null);

        assertThat(policy.hostedDomains()).isEmpty();
        assertThat(policy.resendCooldownSeconds()).isEqualTo(30);
        assertThat(policy.isHosted(address("ada@example.org"))).isFalse();
    }

    @Test
    void hostedDomainsAreCommaSeparatedAndForgiving() {
        RecoveryEmailPolicy policy = RecoveryEmailPolicy.of(" Example.ORG, @mail.example.net ,, .corp.test,example.org", null);

        assertThat(policy.hostedDomains()).containsExactly("example.org", "mail.example.net", "corp.test");
    }

    @ParameterizedTest
    @CsvSource({
            "ada@example.org, true",
            "ada@EXAMPLE.org, true",
            "ada@users.example.org, true",
            "ada@mail.example.net, true",
            "ada@example.net, false",
            "ada@notexample.org, false",
            "ada@example.org.evil.test, false"})
    void anAddressIsHostedInAListedDomainOrASubdomain(String email, boolean hosted) {
        RecoveryEmailPolicy policy = RecoveryEmailPolicy.of("example.org, mail.example.net", null);

        assertThat(policy.isHosted(address(email))).isEqualTo(hosted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-1", "3601", "99999999999"})
    void anUnusableCooldownCountsAsTheDefault(String stored) {
        assertThat(RecoveryEmailPolicy.of(null, stored).resendCooldownSeconds()).isEqualTo(RecoveryEmailPolicy.DEFAULT_RESEND_COOLDOWN_SECONDS);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 120, 3600})
    void aCooldownFromZeroToAnHour(int seconds) {
        assertThat(RecoveryEmailPolicy.of(null, " " + seconds + " ").resendCooldownSeconds()).isEqualTo(seconds);
    }

    private static RecoveryEmailAddress address(String email) {
        return RecoveryEmailAddress.parse(email, 64);
    }
}
