package dev.profilekit.keycloak.profile.common.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnownIpsTest {

    @Test
    void nothingIsKnownBeforeTheFirstUse() {
        assertThat(KnownIps.NONE.contains("10.0.0.1")).isFalse();
        assertThat(KnownIps.parse(null)).isEqualTo(KnownIps.NONE);
        assertThat(KnownIps.parse(" ")).isEqualTo(KnownIps.NONE);
        assertThat(new KnownIps(null)).isEqualTo(KnownIps.NONE);
    }

    @Test
    void aUsedAddressMovesToTheFront() {
        KnownIps ips = KnownIps.NONE.with("10.0.0.1").with("2001:db8::1").with("10.0.0.1");

        assertThat(ips.addresses()).containsExactly("10.0.0.1", "2001:db8::1");
        assertThat(ips.contains("2001:db8::1")).isTrue();
    }

    @Test
    void theLeastRecentlyUsedAddressIsDroppedBeyondTheLimit() {
        KnownIps ips = KnownIps.NONE;
        for (int i = 1; i <= KnownIps.MAX + 1; i++) {
            ips = ips.with("10.0.0." + i);
        }

        assertThat(ips.addresses()).hasSize(KnownIps.MAX).first().isEqualTo("10.0.0." + (KnownIps.MAX + 1));
        assertThat(ips.contains("10.0.0.1")).as("oldest dropped").isFalse();
        assertThat(ips.contains("10.0.0.2")).isTrue();
    }

    @Test
    void storedFormRoundTrips() {
        KnownIps ips = new KnownIps(List.of("10.0.0.1", "::1", "2001:db8::/32"));

        assertThat(ips.toStored()).isEqualTo("10.0.0.1,::1,2001:db8::/32");
        assertThat(KnownIps.parse(ips.toStored())).isEqualTo(ips);
        assertThat(KnownIps.NONE.toStored()).isNull();
    }

    @Test
    void theStoredFormOfAFullListFitsItsColumn() {
        // 10 IPv4-mapped IPv6 addresses of maximal length, as the API token column stores them (VARCHAR(500))
        KnownIps full = new KnownIps(IntStream.range(0, KnownIps.MAX)
                .mapToObj(i -> "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.25" + i).toList());

        assertThat(full.toStored().length()).isLessThanOrEqualTo(500);
    }

    @Test
    void blankOrNullAddressesAreNotRecorded() {
        assertThat(KnownIps.NONE.with(null)).isEqualTo(KnownIps.NONE);
        assertThat(KnownIps.NONE.with("")).isEqualTo(KnownIps.NONE);
    }

    @Test
    void dataFromBeforeTheListKnowsItsLastUsedAddress() {
        assertThat(KnownIps.NONE.orLastUsed("10.0.0.1").addresses()).containsExactly("10.0.0.1");
        assertThat(KnownIps.NONE.orLastUsed(null)).isEqualTo(KnownIps.NONE);
        assertThat(KnownIps.NONE.with("10.0.0.2").orLastUsed("10.0.0.1").addresses()).containsExactly("10.0.0.2");
    }
}
