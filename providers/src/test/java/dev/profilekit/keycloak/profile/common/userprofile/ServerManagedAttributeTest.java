package dev.profilekit.keycloak.profile.common.userprofile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServerManagedAttributeTest {

    private final Pattern pattern = ServerManagedAttribute.pattern(List.of(
            ServerManagedAttribute.emailAddress("recoveryEmail", "Recovery email"),
            new ServerManagedAttribute("recovery.Email[pending]", "Pending", List.of())));

    @Test
    void matchesExactlyTheNamesIgnoringCase() {
        assertThat(pattern.matcher("recoveryEmail").find()).isTrue();
        assertThat(pattern.matcher("RECOVERYEMAIL").find()).isTrue();
        assertThat(pattern.matcher("recovery.Email[pending]").find()).isTrue();
    }

    @Test
    void matchesNoOtherAttribute() {
        assertThat(pattern.matcher("recoveryEmailX").find()).isFalse();
        assertThat(pattern.matcher("xrecoveryEmail").find()).isFalse();
        assertThat(pattern.matcher("recoveryXEmail[pending]").find()).isFalse();
        assertThat(pattern.matcher("email").find()).isFalse();
    }
}
