package dev.profilekit.keycloak.profile.apppassword;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profilekit.keycloak.profile.apppassword.AppPasswordFormat.AppPassword;
import dev.profilekit.keycloak.profile.common.secret.SecretGenerator;
import dev.profilekit.keycloak.profile.fuzzing.FuzzInputs;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Fuzzes {@link AppPasswordFormat#parse(String)}, which reads the password a user typed. For every input (UTF-8 text):
 * <ul>
 *   <li>parsing gives empty or a value, never an exception (any exception is a finding);</li>
 *   <li>a value's canonical text has the generator's shape and parses back to the same value;</li>
 *   <li>a password made of any lookup id and secret the generator could produce (chosen by the input) parses back
 *       to them, also as typed on a phone (upper case, spaces around the dashes).</li>
 * </ul>
 */
class AppPasswordFormatFuzzTest {

    private static final String CHAR = "[" + SecretGenerator.ALPHABET + "]";
    private static final String CANONICAL = CHAR + "{4}(-" + CHAR + "{4}){7}";
    private static final int SECRET_GROUPS = SecretGenerator.RECOMMENDED_GROUPS;
    private static final int GROUP_LENGTH = SecretGenerator.RECOMMENDED_GROUP_LENGTH;

    @FuzzTest
    @DictionaryEntries({"-", " ", "\t"})
    void parseTypedPassword(byte[] input) {
        String typed = new String(input, StandardCharsets.UTF_8);

        Optional<AppPassword> parsed = AppPasswordFormat.parse(typed);

        parsed.ifPresent(password -> {
            assertThat(password.value()).matches(CANONICAL);
            assertThat(AppPasswordFormat.parse(password.value())).contains(password);
        });
        AppPassword generated = generated(input);
        assertThat(AppPasswordFormat.parse(generated.value())).contains(generated);
        assertThat(AppPasswordFormat.parse(" " + generated.value().toUpperCase(Locale.ROOT).replace("-", " - ") + "\n"))
                .contains(generated);
    }

    private static AppPassword generated(byte[] input) {
        StringBuilder secret = new StringBuilder();
        for (int group = 0; group < SECRET_GROUPS; group++) {
            secret.append(group == 0 ? "" : SecretGenerator.GROUP_SEPARATOR)
                    .append(FuzzInputs.inAlphabet(input, AppPasswordFormat.LOOKUP_ID_LENGTH + group * GROUP_LENGTH, GROUP_LENGTH));
        }
        return new AppPassword(FuzzInputs.inAlphabet(input, 0, AppPasswordFormat.LOOKUP_ID_LENGTH), secret.toString());
    }
}
