package dev.profilekit.keycloak.profile.apitoken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.keycloak.profile.common.secret.SecretGenerator;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTokenFormatTest {

    private static final SecretGenerator GENERATOR = new SecretGenerator();
    private static final String CHAR = "[" + SecretGenerator.ALPHABET + "]";
    /** A fixed token, so that the format is pinned: changing it would invalidate every token ever issued. */
    private static final String KNOWN_ID = "abcdefghjkmn";
    private static final String KNOWN_SECRET = "pqrstuvwxyz23456789abcdefghj";

    @Nested
    class Generated {

        @Test
        void hasPrefixIdSecretAndChecksum() {
            ApiTokenValue value = ApiTokenFormat.generate(GENERATOR);
            String token = value.token();

            assertThat(token).hasSize(ApiTokenFormat.LENGTH).hasSize(52)
                    .matches("pkat_" + CHAR + "{12}_" + CHAR + "{28}" + CHAR + "{6}")
                    .startsWith("pkat_" + value.id() + "_" + value.secret());
        }

        @Test
        void secretCarriesAtLeast128Bits() {
            assertThat(SecretGenerator.entropyBits(ApiTokenFormat.SECRET_LENGTH)).isGreaterThanOrEqualTo(SecretGenerator.MIN_SECRET_BITS);
        }

        @Test
        void parsesBackToItsParts() {
            ApiTokenValue value = ApiTokenFormat.generate(GENERATOR);

            assertThat(ApiTokenFormat.parse(value.token())).contains(value);
            assertThat(ApiTokenFormat.isWellFormedId(value.id())).isTrue();
        }

        @Test
        void neverRepeatsItself() {
            Set<String> ids = new HashSet<>();
            Set<String> secrets = new HashSet<>();
            for (int i = 0; i < 10_000; i++) {
                ApiTokenValue value = ApiTokenFormat.generate(GENERATOR);
                ids.add(value.id());
                secrets.add(value.secret());
            }

            assertThat(ids).hasSize(10_000);
            assertThat(secrets).hasSize(10_000);
        }

        @Test
        void toStringHidesTheSecret() {
            ApiTokenValue value = ApiTokenFormat.generate(GENERATOR);

            assertThat(value.toString()).contains(value.id()).doesNotContain(value.secret());
        }
    }

    @Nested
    class Known {

        @Test
        void checksumIsStable() {
            String token = ApiTokenFormat.format(KNOWN_ID, KNOWN_SECRET);

            assertThat(token).isEqualTo("pkat_" + KNOWN_ID + "_" + KNOWN_SECRET + ApiTokenFormat.checksum("pkat_" + KNOWN_ID + "_" + KNOWN_SECRET));
            assertThat(ApiTokenFormat.parse(token)).contains(new ApiTokenValue(KNOWN_ID, KNOWN_SECRET));
        }

        @Test
        void checksumIsCrc32InBase31() {
            // CRC32("pkat_abcdefghjkmn_pqrstuvwxyz23456789abcdefghj") mod 31^6, six base-31 digits of the alphabet
            CRC32 crc = new CRC32();
            crc.update(("pkat_" + KNOWN_ID + "_" + KNOWN_SECRET).getBytes(StandardCharsets.US_ASCII));
            long value = crc.getValue() % 887_503_681L;
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                expected.insert(0, SecretGenerator.ALPHABET.charAt((int) (value % 31)));
                value /= 31;
            }

            assertThat(ApiTokenFormat.checksum("pkat_" + KNOWN_ID + "_" + KNOWN_SECRET)).isEqualTo(expected.toString());
        }
    }

    @Nested
    class Rejected {

        private final String valid = ApiTokenFormat.format(KNOWN_ID, KNOWN_SECRET);

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"pkat_", "pkat_abcdefghjkmn_", "Bearer pkat_x", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"})
        void garbage(String token) {
            assertThat(ApiTokenFormat.parse(token)).isEmpty();
        }

        @Test
        void wrongPrefix() {
            assertThat(ApiTokenFormat.parse("pkas_" + valid.substring(5))).isEmpty();
            assertThat(ApiTokenFormat.parse("PKAT_" + valid.substring(5))).isEmpty();
        }

        @Test
        void upperCaseTruncatedOrPadded() {
            assertThat(ApiTokenFormat.parse(valid.toUpperCase())).isEmpty();
            assertThat(ApiTokenFormat.parse(valid.substring(0, valid.length() - 1))).isEmpty();
            assertThat(ApiTokenFormat.parse(valid + "a")).isEmpty();
            assertThat(ApiTokenFormat.parse(" " + valid)).isEmpty();
            assertThat(ApiTokenFormat.parse(valid + "\n")).isEmpty();
        }

        @Test
        void separatorMissingOrMoved() {
            assertThat(ApiTokenFormat.parse(valid.replace("n_p", "npp"))).isEmpty();
            assertThat(ApiTokenFormat.parse(valid.substring(0, 16) + "_" + valid.charAt(16) + valid.substring(18))).isEmpty();
        }

        @Test
        void lookAlikeCharacters() {
            assertThat(ApiTokenFormat.parse(valid.substring(0, 20) + "0" + valid.substring(21))).isEmpty();
            assertThat(ApiTokenFormat.parse(valid.substring(0, 20) + "l" + valid.substring(21))).isEmpty();
        }

        @Test
        void ids() {
            assertThat(ApiTokenFormat.isWellFormedId(null)).isFalse();
            assertThat(ApiTokenFormat.isWellFormedId("abcdefghjkm")).isFalse();
            assertThat(ApiTokenFormat.isWellFormedId("abcdefghjkmno")).isFalse();
            assertThat(ApiTokenFormat.isWellFormedId("abcdefghjkm0")).isFalse();
            assertThat(ApiTokenFormat.isWellFormedId("../../etc/pa")).isFalse();
        }
    }

    /** Randomized: every single-character typo and every swap of neighbours in a fresh token is caught. */
    @Nested
    class Randomized {

        private final Random random = new Random();

        @RepeatedTest(50)
        void everySingleCharacterSubstitutionIsRejected() {
            String token = ApiTokenFormat.generate(GENERATOR).token();
            for (int position = ApiTokenFormat.PREFIX.length(); position < token.length(); position++) {
                if (token.charAt(position) == '_') {
                    continue;
                }
                char replacement;
                do {
                    replacement = SecretGenerator.ALPHABET.charAt(random.nextInt(SecretGenerator.ALPHABET.length()));
                } while (replacement == token.charAt(position));
                String typo = token.substring(0, position) + replacement + token.substring(position + 1);

                assertThat(ApiTokenFormat.parse(typo)).as("typo at %d", position).isEmpty();
            }
        }

        @RepeatedTest(50)
        void everyTranspositionOfDifferentNeighboursIsRejected() {
            String token = ApiTokenFormat.generate(GENERATOR).token();
            for (int position = ApiTokenFormat.PREFIX.length(); position < token.length() - 1; position++) {
                char a = token.charAt(position);
                char b = token.charAt(position + 1);
                if (a == b) {
                    continue;
                }
                String swapped = token.substring(0, position) + b + a + token.substring(position + 2);

                assertThat(ApiTokenFormat.parse(swapped)).as("swap at %d", position).isEmpty();
            }
        }

        @Test
        void randomStringsNeverParseAndNeverThrow() {
            String chars = SecretGenerator.ALPHABET + "_-ABCXYZ01ilo \t\u00e4";
            int accepted = 0;
            for (int i = 0; i < 100_000; i++) {
                StringBuilder candidate = new StringBuilder(random.nextBoolean() ? "pkat_" : "");
                int length = random.nextInt(60);
                for (int j = 0; j < length; j++) {
                    candidate.append(chars.charAt(random.nextInt(chars.length())));
                }
                if (ApiTokenFormat.parse(candidate.toString()).isPresent()) {
                    accepted++;
                }
            }

            assertThat(accepted).isZero();
        }

        @RepeatedTest(20)
        void randomWellShapedTokensWithAWrongChecksumAreRejected() {
            String body = "pkat_" + GENERATOR.randomId(12) + "_" + GENERATOR.randomId(28);
            String right = ApiTokenFormat.checksum(body);
            String wrong;
            do {
                wrong = GENERATOR.randomId(6);
            } while (wrong.equals(right));

            assertThat(ApiTokenFormat.parse(body + right)).isPresent();
            assertThat(ApiTokenFormat.parse(body + wrong)).isEmpty();
        }
    }
}
