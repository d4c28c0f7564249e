package dev.profilekit.keycloak.profile.recoveryemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryEmailAddressTest {

    private static final int LOCAL_PART = 64;

    @Nested
    class Accepts {

        @Test
        void aPlainAddressTrimmedAndInLowerCase() {
            assertThat(RecoveryEmailAddress.parse("  Ada.Lovelace@Mail.Example.COM \n", LOCAL_PART).value())
                    .isEqualTo("ada.lovelace@mail.example.com");
        }

        @Test
        void plusAddressingAndSubdomains() {
            assertThat(RecoveryEmailAddress.parse("ada+recovery@a.b.example.org", LOCAL_PART).domain()).isEqualTo("a.b.example.org");
        }

        @Test
        void exactlyTheLongestAddress() {
            String domain = "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(57) + ".org";
            String address = "a".repeat(64) + "@" + domain;
            assertThat(address).hasSize(RecoveryEmailAddress.MAX_LENGTH);

            assertThat(RecoveryEmailAddress.parse(address, LOCAL_PART).value()).isEqualTo(address);
        }
    }

    @Nested
    class Refuses {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "no-at-sign", "@example.org", "ada@", "ada@@example.org", "ada lovelace@example.org",
                "ada@exa mple.org", "ada@example.org\r\nBcc: victim@example.org", "ada\t@example.org", "ada@.example.org"})
        void whatIsNoAddress(String raw) {
            assertThatThrownBy(() -> RecoveryEmailAddress.parse(raw, LOCAL_PART))
                    .isInstanceOfSatisfying(InvalidRecoveryEmailException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("recoveryEmailInvalid"));
        }

        @Test
        void aLocalPartLongerThanTheServerAllows() {
            assertThatThrownBy(() -> RecoveryEmailAddress.parse("a".repeat(65) + "@example.org", LOCAL_PART))
                    .isInstanceOfSatisfying(InvalidRecoveryEmailException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("recoveryEmailInvalid"));
        }

        @Test
        void anAddressLongerThanSmtpCarries() {
            String address = "ada@" + "d".repeat(250) + ".org";

            assertThatThrownBy(() -> RecoveryEmailAddress.parse(address, LOCAL_PART))
                    .isInstanceOfSatisfying(InvalidRecoveryEmailException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("recoveryEmailTooLong");
                        assertThat(e.parameters()).containsExactly(RecoveryEmailAddress.MAX_LENGTH);
                    });
        }
    }

    @Test
    void comparesWithAnotherAddressIgnoringCase() {
        RecoveryEmailAddress address = RecoveryEmailAddress.parse("ada@example.org", LOCAL_PART);

        assertThat(address.sameAs("ADA@Example.org")).isTrue();
        assertThat(address.sameAs("bob@example.org")).isFalse();
        assertThat(address.sameAs(null)).isFalse();
    }
}
