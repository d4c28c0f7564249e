package dev.profilekit.keycloak.profile.apppassword;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.keycloak.profile.apppassword.AppPasswordFormat.AppPassword;
import dev.profilekit.keycloak.profile.common.secret.SecretGenerator;
import dev.profilekit.keycloak.profile.common.secret.SecretHasher;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppPasswordFormatTest {

    private final AppPasswordFormat format = new AppPasswordFormat(new SecretGenerator());

    @Test
    void generatedPasswordsAreEightGroupsOfFourWithAtLeast128BitsOfSecret() {
        AppPassword password = format.generate();

        assertThat(password.value()).matches("[" + SecretGenerator.ALPHABET + "]{4}(-[" + SecretGenerator.ALPHABET + "]{4}){7}");
        assertThat(SecretGenerator.entropyBits(password.secret().replace("-", "").length())).isGreaterThanOrEqualTo(128);
        assertThat(password.toString()).doesNotContain(password.secret());
    }

    @Test
    void parsingSplitsLookupIdAndSecretAndNormalisesTyping() {
        AppPassword password = format.generate();

        assertThat(AppPasswordFormat.parse(password.value())).contains(password);
        assertThat(AppPasswordFormat.parse(" " + password.value().toUpperCase().replace("-", " - ") + "\n")).contains(password);
    }

    @Test
    void anythingElseIsNotAnAppPassword() {
        assertThat(AppPasswordFormat.parse(null)).isEmpty();
        assertThat(AppPasswordFormat.parse("correct-horse-battery")).isEmpty();
        assertThat(AppPasswordFormat.parse("abcd-efgh-jkmn-pqrs-tuvw-xyz2-3456")).as("one group short").isEmpty();
        assertThat(AppPasswordFormat.parse("abcd-efgh-jkmn-pqrs-tuvw-xyz2-3456-789a")).as("9 is fine, 'a' fine, but '0'/'1'/'l'/'o' are not")
                .isPresent();
        assertThat(AppPasswordFormat.parse("abc0-efgh-jkmn-pqrs-tuvw-xyz2-3456-789a")).isEmpty();
        assertThat(AppPasswordFormat.parse("a".repeat(81))).isEmpty();
    }

    @Test
    void lookupIdsAndSecretsDoNotRepeat() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(secrets.add(format.generate().secret())).isTrue();
        }
    }

    @Test
    void onlyTheHashOfTheSecretIsNeededToCheckIt() {
        AppPassword password = format.generate();
        String stored = SecretHasher.hash(password.secret());

        AppPassword typed = AppPasswordFormat.parse(password.value().toUpperCase()).orElseThrow();
        assertThat(SecretHasher.matches(typed.secret(), stored)).isTrue();
        assertThat(SecretHasher.matches(format.generate().secret(), stored)).isFalse();
    }
}
