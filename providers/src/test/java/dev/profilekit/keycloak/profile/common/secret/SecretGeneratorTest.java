package dev.profilekit.keycloak.profile.common.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretGeneratorTest {

    private static final String CHAR = "[" + SecretGenerator.ALPHABET + "]";
    private static final int SAMPLES = 10_000;

    private final SecretGenerator generator = new SecretGenerator();

    @Nested
    class Alphabet {

        @Test
        void has31DistinctLowerCaseCharactersWithoutLookAlikes() {
            assertThat(SecretGenerator.ALPHABET).hasSize(31).doesNotContain("0", "o", "1", "l", "i").matches("[a-z2-9]+");
            assertThat(SecretGenerator.ALPHABET.chars().distinct().count()).isEqualTo(31);
        }

        @Test
        void eachCharacterCarriesLog2Of31Bits() {
            assertThat(SecretGenerator.BITS_PER_CHAR).isCloseTo(4.9542, within(0.0001));
        }

        @Test
        void usesEveryCharacterAboutEquallyOften() {
            int[] counts = new int[128];
            for (int i = 0; i < SAMPLES; i++) {
                generator.randomId(31).chars().forEach(c -> counts[c]++);
            }
            double expected = SAMPLES;
            for (char c : SecretGenerator.ALPHABET.toCharArray()) {
                assertThat(counts[c]).as("count of '%s'", c).isBetween((int) (expected * 0.9), (int) (expected * 1.1));
            }
        }
    }

    @Nested
    class Secrets {

        @Test
        void recommendedShapeIsSevenGroupsOfFourWithAtLeast128Bits() {
            String secret = generator.generate();

            assertThat(secret).hasSize(7 * 4 + 6).matches(CHAR + "{4}(-" + CHAR + "{4}){6}");
            assertThat(SecretGenerator.entropyBits(SecretGenerator.RECOMMENDED_GROUPS * SecretGenerator.RECOMMENDED_GROUP_LENGTH))
                    .isCloseTo(138.72, within(0.01))
                    .isGreaterThanOrEqualTo(SecretGenerator.MIN_SECRET_BITS);
        }

        @ParameterizedTest(name = "{0} x {1}")
        @CsvSource({"4, 8", "1, 26", "2, 13", "6, 5", "26, 1"})
        void generatesTheRequestedShape(int groups, int groupLength) {
            String secret = generator.generate(groups, groupLength);

            assertThat(secret).hasSize(groups * groupLength + groups - 1)
                    .matches(CHAR + "{" + groupLength + "}(-" + CHAR + "{" + groupLength + "}){" + (groups - 1) + "}");
        }

        @ParameterizedTest(name = "{0} x {1}")
        @CsvSource({"4, 4", "1, 25", "5, 5", "0, 30", "30, 0", "-1, -30", "2, 600"})
        void refusesShapesBelow128BitsOrOutOfRange(int groups, int groupLength) {
            assertThatThrownBy(() -> generator.generate(groups, groupLength)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void neverRepeatsItself() {
            Set<String> secrets = new HashSet<>();
            for (int i = 0; i < SAMPLES; i++) {
                secrets.add(generator.generate());
            }

            assertThat(secrets).hasSize(SAMPLES);
        }

        @Test
        void isSafeToShareBetweenThreads() {
            Set<String> secrets = IntStream.range(0, SAMPLES).parallel()
                    .mapToObj(i -> generator.generate())
                    .collect(Collectors.toSet());

            assertThat(secrets).hasSize(SAMPLES).allMatch(secret -> secret.matches(CHAR + "{4}(-" + CHAR + "{4}){6}"));
        }

        @Test
        void toStringRevealsNothingGenerated() {
            String secret = generator.generate();

            assertThat(generator.toString()).doesNotContain(secret);
        }
    }

    @Nested
    class Entropy {

        @ParameterizedTest(name = "{0} bits need {1} characters")
        @CsvSource({"128, 26", "256, 52", "64, 13", "5, 2", "4, 1", "0, 0"})
        void charsForBitsIsTheSmallestSufficientLength(int bits, int chars) {
            assertThat(SecretGenerator.charsForBits(bits)).isEqualTo(chars);
            assertThat(SecretGenerator.entropyBits(chars)).isGreaterThanOrEqualTo(bits);
            if (chars > 0) {
                assertThat(SecretGenerator.entropyBits(chars - 1)).isLessThan(bits);
            }
        }
    }

    @Nested
    class Ids {

        @Test
        void haveTheRequestedLengthWithoutSeparators() {
            assertThat(generator.randomId(12)).hasSize(12).matches(CHAR + "{12}");
            assertThat(generator.randomId(1)).hasSize(1).matches(CHAR);
        }

        @Test
        void neverRepeatThemselvesAtTwelveCharacters() {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < SAMPLES; i++) {
                ids.add(generator.randomId(12));
            }

            assertThat(ids).hasSize(SAMPLES);
        }

        @Test
        void refuseLengthsOutOfRange() {
            assertThatThrownBy(() -> generator.randomId(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> generator.randomId(1025)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
