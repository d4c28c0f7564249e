package dev.profilekit.keycloak.profile.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecurityNotifierTest {

    @Test
    void primaryAndADifferentRecoveryAddress() {
        assertThat(SecurityNotifier.recipients("a@example.org", "b@example.org")).containsExactly("a@example.org", "b@example.org");
        assertThat(SecurityNotifier.recipients("a@example.org", "A@Example.org ")).as("same address").containsExactly("a@example.org");
        assertThat(SecurityNotifier.recipients("a@example.org", null)).containsExactly("a@example.org");
        assertThat(SecurityNotifier.recipients(null, "b@example.org")).as("recovery only").containsExactly("b@example.org");
        assertThat(SecurityNotifier.recipients(" ", "")).isEmpty();
    }

    @Test
    void detailsAreTextForTheTemplate() {
        NoticeDetails details = new NoticeDetails("Thunderbird", "Mail", "192.0.2.7", Instant.parse("2026-11-23T10:15:30Z"));

        assertThat(details.templateValues())
                .containsEntry("name", "Thunderbird")
                .containsEntry("app", "Mail")
                .containsEntry("ipAddress", "192.0.2.7")
                .containsEntry("time", "2026-11-23 10:15 UTC");
        assertThat(new NoticeDetails(null, null, null, null).templateValues()).containsValues("").doesNotContainValue(null);
    }
}
