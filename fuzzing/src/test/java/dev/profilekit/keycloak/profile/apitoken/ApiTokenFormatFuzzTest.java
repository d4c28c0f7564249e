package dev.profilekit.keycloak.profile.apitoken;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profilekit.keycloak.profile.fuzzing.FuzzInputs;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Fuzzes {@link ApiTokenFormat#parse(String)}, which reads the token a caller presents. For every input (UTF-8 text):
 * <ul>
 *   <li>parsing gives empty or a value, never an exception (any exception is a finding);</li>
 *   <li>a value is only ever parsed from the canonical text of that value;</li>
 *   <li>a token made of any id and secret the generator could produce (chosen by the input) parses back to them.</li>
 * </ul>
 */
class ApiTokenFormatFuzzTest {

    @FuzzTest
    @DictionaryEntries({ApiTokenFormat.PREFIX, "_"})
    void parsePresentedToken(byte[] input) {
        String presented = new String(input, StandardCharsets.UTF_8);

        Optional<ApiTokenValue> parsed = ApiTokenFormat.parse(presented);

        parsed.ifPresent(value -> {
            assertThat(value.token()).isEqualTo(presented);
            assertThat(ApiTokenFormat.isWellFormedId(value.id())).isTrue();
        });
        ApiTokenValue generated = new ApiTokenValue(FuzzInputs.inAlphabet(input, 0, ApiTokenFormat.ID_LENGTH),
                FuzzInputs.inAlphabet(input, ApiTokenFormat.ID_LENGTH, ApiTokenFormat.SECRET_LENGTH));
        assertThat(ApiTokenFormat.parse(generated.token())).contains(generated);
    }
}
