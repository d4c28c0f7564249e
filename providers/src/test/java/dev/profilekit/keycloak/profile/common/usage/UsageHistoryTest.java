package dev.profilekit.keycloak.profile.common.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageHistoryTest {

    private static final Instant T = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void theVeryFirstUseIsFromANewAddressAndIsWritten() {
        assertThat(UsageHistory.NEVER.isNewIp("10.0.0.1")).isTrue();
        assertThat(UsageHistory.NEVER.needsUpdate(T, "10.0.0.1")).isTrue();
    }

    @Test
    void aKnownAddressWithinTheResolutionIsNotWrittenAgain() {
        UsageHistory history = new UsageHistory(new LastUse(T, "10.0.0.1"), new KnownIps(List.of("10.0.0.1", "10.0.0.2")));

        assertThat(history.needsUpdate(T.plusSeconds(30), "10.0.0.1")).isFalse();
        assertThat(history.needsUpdate(T.plus(LastUse.RESOLUTION), "10.0.0.1")).isTrue();
        assertThat(history.isNewIp("10.0.0.2")).isFalse();
        assertThat(history.needsUpdate(T.plusSeconds(30), "10.0.0.2")).as("another known address is still the new last IP").isTrue();
        assertThat(history.isNewIp("10.0.0.3")).isTrue();
    }

    @Test
    void historyWithoutAnAddressListKnowsTheLastUsesAddress() {
        UsageHistory legacy = new UsageHistory(new LastUse(T, "10.0.0.1"), null);

        assertThat(legacy.isNewIp("10.0.0.1")).isFalse();
        assertThat(legacy.knownIps().addresses()).containsExactly("10.0.0.1");
    }

    @Test
    void anUnknownCallerAddressIsNeverNew() {
        assertThat(UsageHistory.NEVER.isNewIp(null)).isFalse();
    }
}
