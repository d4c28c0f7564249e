package dev.profilekit.keycloak.profile.apitoken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.keycloak.profile.apitoken.ApiTokenVerifier.Failure;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ApiTokenVerifierFailureTest {

    @Test
    void onlyAWrongSecretForAKnownTokenIsAGuessAtTheOwnersSecret() {
        assertThat(Arrays.stream(Failure.values()).filter(Failure::isGuess)).containsExactly(Failure.WRONG_SECRET);
    }

    @Test
    void reasonsAreDistinctSnakeCaseEventDetails() {
        assertThat(Arrays.stream(Failure.values()).map(Failure::reason)).doesNotHaveDuplicates().allMatch(reason -> reason.matches("[a-z_]+"));
    }
}
