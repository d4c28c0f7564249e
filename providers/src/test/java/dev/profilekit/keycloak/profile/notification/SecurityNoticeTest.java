package dev.profilekit.keycloak.profile.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecurityNoticeTest {

    @Test
    void eachKindHasItsRealmAttributeAndMessageKeys() {
        assertThat(SecurityNotice.LAST_SECOND_FACTOR_REMOVED.attribute()).isEqualTo("profilekit.notifications.last-second-factor-removed");
        assertThat(SecurityNotice.LAST_SECOND_FACTOR_REMOVED.subjectKey()).isEqualTo("securityNoticeLastSecondFactorRemovedSubject");
        assertThat(SecurityNotice.API_TOKEN_NEW_IP.bodyKey()).isEqualTo("securityNoticeApiTokenNewIpBody");
        assertThat(Arrays.stream(SecurityNotice.values()).map(SecurityNotice::id))
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
    }

    @Test
    void aKindIsOnUnlessItsAttributeSaysFalse() {
        assertThat(SecurityNotice.isOn(null)).as("absent").isTrue();
        assertThat(SecurityNotice.isOn("true")).isTrue();
        assertThat(SecurityNotice.isOn("")).isTrue();
        assertThat(SecurityNotice.isOn("false")).isFalse();
        assertThat(SecurityNotice.isOn(" FALSE ")).isFalse();
    }
}
