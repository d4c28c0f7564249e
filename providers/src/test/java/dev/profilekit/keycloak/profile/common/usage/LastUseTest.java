package dev.profilekit.keycloak.profile.common.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LastUseTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void firstUseIsAlwaysRecorded() {
        assertThat(LastUse.NEVER.needsUpdate(T0, "10.0.0.1")).isTrue();
    }

    @Test
    void repeatedUseFromTheSameIpWithinTheResolutionIsNotRecorded() {
        LastUse stored = new LastUse(T0, "10.0.0.1");

        assertThat(stored.needsUpdate(T0.plusSeconds(59), "10.0.0.1")).isFalse();
        assertThat(stored.needsUpdate(T0.plus(LastUse.RESOLUTION), "10.0.0.1")).isTrue();
    }

    @Test
    void useFromAnotherIpIsRecordedAtOnce() {
        LastUse stored = new LastUse(T0, "10.0.0.1");

        assertThat(stored.needsUpdate(T0.plusSeconds(1), "10.0.0.2")).isTrue();
    }

    @Test
    void aClockThatWentBackwardsDoesNotCauseWrites() {
        LastUse stored = new LastUse(T0, "10.0.0.1");

        assertThat(stored.needsUpdate(T0.minusSeconds(30), "10.0.0.1")).isFalse();
    }
}
