package dev.profilekit.keycloak.profile.common.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import dev.profilekit.keycloak.profile.common.ip.InvalidIpAllowListException.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpRangeTest {

    @Nested
    class Ipv4 {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "10.0.0.1,           10.0.0.1",
                "10.0.0.1/32,        10.0.0.1",
                "10.0.0.0/8,         10.0.0.0/8",
                "0.0.0.0/0,          0.0.0.0/0",
                "0.0.0.0,            0.0.0.0",
                "255.255.255.255,    255.255.255.255",
                "192.168.1.0/24,     192.168.1.0/24",
                "10.0.0.1/8,         10.0.0.0/8",
                "192.168.1.255/23,   192.168.0.0/23",
                "255.255.255.255/1,  128.0.0.0/1",
                "10.0.0.7/31,        10.0.0.6/31",
                "100.64.0.0/10,      100.64.0.0/10",
        })
        void parsesToCanonicalForm(String text, String canonical) {
            IpRange range = IpRange.parse(text);

            assertThat(range).hasToString(canonical);
            assertThat(range.isIpv6()).isFalse();
            assertThat(IpRange.parse(canonical)).isEqualTo(range).hasSameHashCodeAs(range);
        }

        @Test
        void exposesNetworkAndPrefix() {
            IpRange range = IpRange.parse("172.16.5.4/12");

            assertThat(range.networkAddress()).isEqualTo("172.16.0.0");
            assertThat(range.prefixLength()).isEqualTo(12);
            assertThat(IpRange.parse("172.16.5.4").prefixLength()).isEqualTo(32);
        }

        @Test
        void ignoresSurroundingWhiteSpace() {
            assertThat(IpRange.parse(" \t10.0.0.0/8 \n")).hasToString("10.0.0.0/8");
        }
    }

    @Nested
    class Ipv6 {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "::1,                                       ::1",
                "::1/128,                                   ::1",
                "0:0:0:0:0:0:0:1,                           ::1",
                "::,                                        ::",
                "::/0,                                      ::/0",
                "2001:db8::/32,                             2001:db8::/32",
                "2001:db8::1/32,                            2001:db8::/32",
                "2001:DB8:0:0:0:0:0:1,                      2001:db8::1",
                "2001:0db8:0000:0000:0000:ff00:0042:8329,   2001:db8::ff00:42:8329",
                "fe80::/10,                                 fe80::/10",
                "febf:ffff::/10,                            fe80::/10",
                "1:0:0:2:0:0:0:3,                           1:0:0:2::3",
                "1:0:0:2:0:0:3:4,                           1::2:0:0:3:4",
                "1:0:2:3:4:5:6:7,                           1:0:2:3:4:5:6:7",
                "1::2:3:4:5:6:7,                            1:0:2:3:4:5:6:7",
                "1:2:3:4:5:6:7::,                           1:2:3:4:5:6:7:0",
                "::2:3:4:5:6:7:8,                           0:2:3:4:5:6:7:8",
                "1::,                                       1::",
                "1:2:3:4:5:6:7:8,                           1:2:3:4:5:6:7:8",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,   ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                "64:ff9b::1.2.3.4,                          64:ff9b::102:304",
                "64:ff9b::/96,                              64:ff9b::/96",
                "::1.2.3.4,                                 ::102:304",
                "1:2:3:4:5:6:1.2.3.4,                       1:2:3:4:5:6:102:304",
                "2001:db8::ffff:1.2.3.4,                    2001:db8::ffff:102:304",
        })
        void parsesToCanonicalForm(String text, String canonical) {
            IpRange range = IpRange.parse(text);

            assertThat(range).hasToString(canonical);
            assertThat(range.isIpv6()).isTrue();
            assertThat(IpRange.parse(canonical)).isEqualTo(range).hasSameHashCodeAs(range);
        }

        @Test
        void exposesNetworkAndPrefix() {
            IpRange range = IpRange.parse("2001:db8:1234::5/48");

            assertThat(range.networkAddress()).isEqualTo("2001:db8:1234::");
            assertThat(range.prefixLength()).isEqualTo(48);
            assertThat(IpRange.parse("::1").prefixLength()).isEqualTo(128);
        }

        @Test
        void isNeverEqualToTheSameBitsAsIpv4() {
            assertThat(IpRange.parse("::/0")).isNotEqualTo(IpRange.parse("0.0.0.0/0"));
        }
    }

    @Nested
    class Ipv4Mapped {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "::ffff:10.0.0.1,             10.0.0.1",
                "::FFFF:10.0.0.1,             10.0.0.1",
                "::ffff:a00:1,                10.0.0.1",
                "0:0:0:0:0:ffff:10.0.0.1,     10.0.0.1",
                "0:0:0:0:0:ffff:a00:1/128,    10.0.0.1",
                "::ffff:10.0.0.0/104,         10.0.0.0/8",
                "::ffff:10.9.8.7/104,         10.0.0.0/8",
                "::ffff:0:0/96,               0.0.0.0/0",
                "::ffff:192.168.1.1/120,      192.168.1.0/24",
        })
        void becomesIpv4(String text, String canonical) {
            IpRange range = IpRange.parse(text);

            assertThat(range).hasToString(canonical).isEqualTo(IpRange.parse(canonical));
            assertThat(range.isIpv6()).isFalse();
        }

        @Test
        void staysIpv6WhenThePrefixIsShorterThanTheMappedSpace() {
            IpRange range = IpRange.parse("::ffff:0:0/95");

            assertThat(range).hasToString("::fffe:0:0/95");
            assertThat(range.isIpv6()).isTrue();
        }
    }

    @Nested
    class Rejections {

        static Stream<Arguments> invalidEntries() {
            return Stream.of(
                    invalid("::g", Reason.INVALID_ENTRY),
                    invalid("1.2.3", Reason.INVALID_ENTRY),
                    invalid("1.2.3.4.5", Reason.INVALID_ENTRY),
                    invalid("256.1.1.1", Reason.INVALID_ENTRY),
                    invalid("1.2.3.256", Reason.INVALID_ENTRY),
                    invalid("1000.1.1.1", Reason.INVALID_ENTRY),
                    invalid("01.2.3.4", Reason.INVALID_ENTRY),
                    invalid("1.02.3.4", Reason.INVALID_ENTRY),
                    invalid("1.2.3.00", Reason.INVALID_ENTRY),
                    invalid("0x0a.0.0.1", Reason.INVALID_ENTRY),
                    invalid("1..2.3", Reason.INVALID_ENTRY),
                    invalid(".1.2.3.4", Reason.INVALID_ENTRY),
                    invalid("1.2.3.4.", Reason.INVALID_ENTRY),
                    invalid("+1.2.3.4", Reason.INVALID_ENTRY),
                    invalid("1.2.3.-4", Reason.INVALID_ENTRY),
                    invalid("1.2.3.4 5", Reason.INVALID_ENTRY),
                    invalid("10.0.0.1 /8", Reason.INVALID_ENTRY),
                    invalid("\uff11.2.3.4", Reason.INVALID_ENTRY),
                    invalid("\u00a010.0.0.1", Reason.INVALID_ENTRY),
                    invalid(":::", Reason.INVALID_ENTRY),
                    invalid("1::2::3", Reason.INVALID_ENTRY),
                    invalid("::1::", Reason.INVALID_ENTRY),
                    invalid(":1::", Reason.INVALID_ENTRY),
                    invalid(":1", Reason.INVALID_ENTRY),
                    invalid("1:", Reason.INVALID_ENTRY),
                    invalid("1::2:", Reason.INVALID_ENTRY),
                    invalid("1:2:3:4:5:6:7", Reason.INVALID_ENTRY),
                    invalid("1:2:3:4:5:6:7:8:9", Reason.INVALID_ENTRY),
                    invalid("1:2:3:4:5:6:7:8::", Reason.INVALID_ENTRY),
                    invalid("::1:2:3:4:5:6:7:8", Reason.INVALID_ENTRY),
                    invalid("1:2:3:4::5:6:7:8", Reason.INVALID_ENTRY),
                    invalid("12345::", Reason.INVALID_ENTRY),
                    invalid("::\u0661", Reason.INVALID_ENTRY),
                    invalid("::1.2.3", Reason.INVALID_ENTRY),
                    invalid("::01.2.3.4", Reason.INVALID_ENTRY),
                    invalid("::1.2.3.4:5", Reason.INVALID_ENTRY),
                    invalid("::1.2.3.4.5", Reason.INVALID_ENTRY),
                    invalid("1.2.3.4::", Reason.INVALID_ENTRY),
                    invalid("1:2:3:4:5:6:7:1.2.3.4", Reason.INVALID_ENTRY),
                    invalid("1:2:3:4:5:6::1.2.3.4", Reason.INVALID_ENTRY),
                    invalid("::ffff:1a.2.3.4", Reason.INVALID_ENTRY),
                    invalid("[::1]", Reason.INVALID_ENTRY),
                    invalid("/8", Reason.INVALID_ENTRY),
                    invalid("10.0.0.0/8/8", Reason.INVALID_ENTRY),
                    invalid("10.0.0.1%eth0", Reason.INVALID_ENTRY),
                    invalid("example.com", Reason.INVALID_ENTRY),
                    invalid("localhost", Reason.INVALID_ENTRY),
                    invalid("cafe", Reason.INVALID_ENTRY),
                    invalid("10.0.0.0/33", Reason.INVALID_PREFIX),
                    invalid("::/129", Reason.INVALID_PREFIX),
                    invalid("::ffff:10.0.0.0/129", Reason.INVALID_PREFIX),
                    invalid("10.0.0.0/-1", Reason.INVALID_PREFIX),
                    invalid("10.0.0.0/08", Reason.INVALID_PREFIX),
                    invalid("::/00", Reason.INVALID_PREFIX),
                    invalid("10.0.0.0/", Reason.INVALID_PREFIX),
                    invalid("10.0.0.0/a", Reason.INVALID_PREFIX),
                    invalid("10.0.0.0/+8", Reason.INVALID_PREFIX),
                    invalid("10.0.0.0/ 8", Reason.INVALID_PREFIX),
                    invalid("10.0.0.0/99999999999999999999", Reason.INVALID_PREFIX),
                    invalid("fe80::1%eth0", Reason.ZONE_ID_NOT_SUPPORTED),
                    invalid("fe80::1%1", Reason.ZONE_ID_NOT_SUPPORTED),
                    invalid("fe80::%eth0/64", Reason.ZONE_ID_NOT_SUPPORTED),
                    invalid("", Reason.EMPTY_ENTRY),
                    invalid("   ", Reason.EMPTY_ENTRY),
                    invalid("\t\n", Reason.EMPTY_ENTRY),
                    invalid("1".repeat(65), Reason.ENTRY_TOO_LONG),
                    invalid("0000:0000:0000:0000:0000:0000:0000:0000/0000000000000000000000000", Reason.ENTRY_TOO_LONG));
        }

        private static Arguments invalid(String text, Reason reason) {
            return Arguments.of(text, reason);
        }

        @ParameterizedTest(name = "[{index}] {1}")
        @MethodSource("invalidEntries")
        void rejectsWithTheMessageKeyOfTheReason(String text, Reason reason) {
            assertThatThrownBy(() -> IpRange.parse(text))
                    .isInstanceOfSatisfying(InvalidIpAllowListException.class, e -> {
                        assertThat(e.getReason()).isEqualTo(reason);
                        assertThat(e.getMessageKey()).isEqualTo(reason.messageKey());
                        assertThat(e.getEntry()).isEqualTo(text.strip());
                    });
        }

        @Test
        void explainsAPrefixOutOfRange() {
            assertThatThrownBy(() -> IpRange.parse("10.0.0.0/33"))
                    .hasMessage("Invalid IP address or CIDR subnet: \"10.0.0.0/33\" (prefix must be 0-32 for IPv4)");
            assertThatThrownBy(() -> IpRange.parse("::/129"))
                    .hasMessage("Invalid IP address or CIDR subnet: \"::/129\" (prefix must be 0-128 for IPv6)");
            assertThatThrownBy(() -> IpRange.parse("10.0.0.0/08"))
                    .hasMessage("Invalid IP address or CIDR subnet: \"10.0.0.0/08\" (prefix must not have leading zeros)");
        }

        @Test
        void explainsAZoneId() {
            assertThatThrownBy(() -> IpRange.parse("fe80::1%eth0"))
                    .hasMessage("Invalid IP address or CIDR subnet: \"fe80::1%eth0\" (zone IDs such as \"%eth0\" are not supported)");
        }

        @Test
        void explainsAnInvalidEntry() {
            assertThatThrownBy(() -> IpRange.parse("01.2.3.4")).hasMessage("Invalid IP address or CIDR subnet: \"01.2.3.4\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"localhost", "example.com", "nonexistent.invalid", "ip6-localhost", "a.b.c.d"})
        @Timeout(value = 500, unit = TimeUnit.MILLISECONDS)
        void neverResolvesHostNames(String hostName) {
            assertThatThrownBy(() -> IpRange.parse(hostName))
                    .isInstanceOfSatisfying(InvalidIpAllowListException.class,
                            e -> assertThat(e.getReason()).isEqualTo(Reason.INVALID_ENTRY));
        }
    }
}
