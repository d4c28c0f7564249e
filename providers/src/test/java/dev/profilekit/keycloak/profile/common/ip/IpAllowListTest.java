package dev.profilekit.keycloak.profile.common.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import dev.profilekit.keycloak.profile.common.ip.InvalidIpAllowListException.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAllowListTest {

    @Nested
    class Parsing {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " ", " \t\n "})
        void nullOrBlankIsTheEmptyListThatAllowsAnyAddress(String input) {
            IpAllowList list = IpAllowList.parse(input);

            assertThat(list.isEmpty()).isTrue();
            assertThat(list.ranges()).isEmpty();
            assertThat(list).hasToString("");
            assertThat(list.allows("10.0.0.1")).isTrue();
            assertThat(list.allows("2001:db8::1")).isTrue();
            assertThat(list.allows("not an address")).isTrue();
            assertThat(list.allows(null)).isTrue();
        }

        @Test
        void trimsEntriesAndJoinsTheCanonicalFormsWithCommaAndSpace() {
            IpAllowList list = IpAllowList.parse(" 10.0.0.1 ,10.0.0.5/8,\t2001:0DB8::/32 ");

            assertThat(list.isEmpty()).isFalse();
            assertThat(list.ranges()).containsExactly(
                    IpRange.parse("10.0.0.1"), IpRange.parse("10.0.0.0/8"), IpRange.parse("2001:db8::/32"));
            assertThat(list).hasToString("10.0.0.1, 10.0.0.0/8, 2001:db8::/32");
        }

        @Test
        void dropsDuplicatesByCanonicalFormAndKeepsTheFirstOccurrenceOrder() {
            IpAllowList list = IpAllowList.parse("::1, 10.0.0.1, 10.0.0.1/32, ::ffff:10.0.0.1, 10.9.9.9/8, 0:0:0:0:0:0:0:1, 10.0.0.0/8");

            assertThat(list).hasToString("::1, 10.0.0.1, 10.0.0.0/8");
        }

        @Test
        void isEqualToAnyListWithTheSameCanonicalForm() {
            IpAllowList list = IpAllowList.parse("10.0.0.1,::1");

            assertThat(list).isEqualTo(IpAllowList.parse("10.0.0.1/32, 0:0:0:0:0:0:0:1"))
                    .hasSameHashCodeAs(IpAllowList.parse("10.0.0.1/32, 0:0:0:0:0:0:0:1"))
                    .isNotEqualTo(IpAllowList.parse("::1, 10.0.0.1"));
            assertThat(IpAllowList.parse(list.toString())).isEqualTo(list);
        }

        @Test
        void rangesCannotBeModified() {
            IpAllowList list = IpAllowList.parse("10.0.0.1");

            assertThatThrownBy(() -> list.ranges().add(IpRange.parse("::1"))).isInstanceOf(UnsupportedOperationException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"10.0.0.1,,10.0.0.2", "10.0.0.1,", ",10.0.0.1", "10.0.0.1, ,10.0.0.2", ",", " , ", "10.0.0.1,\t"})
        void rejectsEmptyEntries(String input) {
            assertThatThrownBy(() -> IpAllowList.parse(input))
                    .isInstanceOfSatisfying(InvalidIpAllowListException.class, e -> {
                        assertThat(e.getReason()).isEqualTo(Reason.EMPTY_ENTRY);
                        assertThat(e.getMessageKey()).isEqualTo("ipAllowListEmptyEntry");
                        assertThat(e.getEntry()).isEmpty();
                    })
                    .hasMessage("Empty entry in IP allow-list (check for a doubled or trailing comma)");
        }

        @Test
        void reportsTheFirstInvalidEntry() {
            assertThatThrownBy(() -> IpAllowList.parse("10.0.0.1, example.com , 300.1.1.1"))
                    .isInstanceOfSatisfying(InvalidIpAllowListException.class, e -> {
                        assertThat(e.getMessageKey()).isEqualTo("ipAllowListInvalidEntry");
                        assertThat(e.getEntry()).isEqualTo("example.com");
                    })
                    .hasMessage("Invalid IP address or CIDR subnet: \"example.com\"");
        }

        @Test
        void acceptsAtMostFiftyEntries() {
            String fifty = ipv4Entries(50);

            assertThat(IpAllowList.parse(fifty).ranges()).hasSize(50);
            assertThatThrownBy(() -> IpAllowList.parse(fifty + ",10.0.1.0"))
                    .isInstanceOfSatisfying(InvalidIpAllowListException.class, e -> {
                        assertThat(e.getMessageKey()).isEqualTo("ipAllowListTooManyEntries");
                        assertThat(e.getEntry()).isNull();
                    })
                    .hasMessage("IP allow-list has more than 50 entries");
        }

        @Test
        void countsDuplicatesAgainstTheEntryLimit() {
            String input = IntStream.range(0, 51).mapToObj(i -> "10.0.0.1").collect(Collectors.joining(","));

            assertThatThrownBy(() -> IpAllowList.parse(input)).isInstanceOf(InvalidIpAllowListException.class)
                    .hasMessage("IP allow-list has more than 50 entries");
        }

        @Test
        void rejectsAnOverLongList() {
            String input = "10.0.0.1," + " ".repeat(IpAllowList.MAX_LENGTH - 8);

            assertThatThrownBy(() -> IpAllowList.parse(input))
                    .isInstanceOfSatisfying(InvalidIpAllowListException.class, e -> {
                        assertThat(e.getMessageKey()).isEqualTo("ipAllowListTooLong");
                        assertThat(e.getEntry()).isNull();
                    })
                    .hasMessage("IP allow-list is longer than 2500 characters");
        }

        @Test
        void rejectsAnOverLongEntry() {
            String entry = "1:2:3:4:5:6:7:8" + " 0".repeat(30);

            assertThatThrownBy(() -> IpAllowList.parse("10.0.0.1, " + entry))
                    .isInstanceOfSatisfying(InvalidIpAllowListException.class, e -> {
                        assertThat(e.getMessageKey()).isEqualTo("ipAllowListEntryTooLong");
                        assertThat(e.getEntry()).isEqualTo(entry);
                    })
                    .hasMessageStartingWith("IP allow-list entry is longer than 64 characters: \"1:2:3:4:5:6:7:8 0 0")
                    .hasMessageEndingWith("...\"");
        }

        @Test
        void theLongestCanonicalFormFitsInMaxLengthAndParsesBack() {
            String input = IntStream.range(0, IpAllowList.MAX_ENTRIES)
                    .mapToObj(i -> String.format("ffff:ff%02x:ffff:ffff:ffff:ffff:ffff:ff00/120", 0x10 + i))
                    .collect(Collectors.joining(","));

            IpAllowList list = IpAllowList.parse(input);

            assertThat(list.ranges()).hasSize(IpAllowList.MAX_ENTRIES);
            assertThat(list.toString()).hasSize(50 * 43 + 49 * 2).hasSizeLessThanOrEqualTo(IpAllowList.MAX_LENGTH);
            assertThat(IpAllowList.parse(list.toString())).isEqualTo(list);
        }

        private static String ipv4Entries(int count) {
            return IntStream.range(0, count).mapToObj(i -> "10.0.0." + i).collect(Collectors.joining(","));
        }
    }

    @Nested
    class Matching {

        @Test
        void ipv4SubnetIncludesItsFirstAndLastAddressOnly() {
            IpAllowList list = IpAllowList.parse("10.1.2.0/23");

            assertThat(list.allows("10.1.2.0")).isTrue();
            assertThat(list.allows("10.1.3.255")).isTrue();
            assertThat(list.allows("10.1.2.77")).isTrue();
            assertThat(list.allows("10.1.1.255")).isFalse();
            assertThat(list.allows("10.1.4.0")).isFalse();
        }

        @Test
        void ipv6SubnetIncludesItsFirstAndLastAddressOnly() {
            IpAllowList list = IpAllowList.parse("2001:db8::/32");

            assertThat(list.allows("2001:db8::")).isTrue();
            assertThat(list.allows("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
            assertThat(list.allows("2001:0db8:0:0:0:0:0:1")).isTrue();
            assertThat(list.allows("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff")).isFalse();
            assertThat(list.allows("2001:db9::")).isFalse();
        }

        @Test
        void prefixNotOnAByteBoundary() {
            IpAllowList list = IpAllowList.parse("fe80::/10");

            assertThat(list.allows("fe80::1")).isTrue();
            assertThat(list.allows("febf:ffff::1")).isTrue();
            assertThat(list.allows("fec0::")).isFalse();
            assertThat(list.allows("fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isFalse();
        }

        @Test
        void hostEntriesMatchExactlyOneAddress() {
            IpAllowList list = IpAllowList.parse("192.168.1.10, ::1");

            assertThat(list.allows("192.168.1.10")).isTrue();
            assertThat(list.allows("192.168.1.11")).isFalse();
            assertThat(list.allows("192.168.1.9")).isFalse();
            assertThat(list.allows("::1")).isTrue();
            assertThat(list.allows("0:0:0:0:0:0:0:1")).isTrue();
            assertThat(list.allows("[::1]")).isTrue();
            assertThat(list.allows("::2")).isFalse();
            assertThat(list.allows("::")).isFalse();
        }

        @Test
        void explicitHostMasksMatchExactlyOneAddress() {
            assertThat(IpAllowList.parse("10.0.0.1/32").allows("10.0.0.1")).isTrue();
            assertThat(IpAllowList.parse("10.0.0.1/32").allows("10.0.0.0")).isFalse();
            assertThat(IpAllowList.parse("2001:db8::1/128").allows("2001:db8::1")).isTrue();
            assertThat(IpAllowList.parse("2001:db8::1/128").allows("2001:db8::")).isFalse();
        }

        @Test
        void zeroPrefixesMatchTheirWholeFamilyOnly() {
            IpAllowList ipv4 = IpAllowList.parse("0.0.0.0/0");
            IpAllowList ipv6 = IpAllowList.parse("::/0");

            assertThat(ipv4.allows("0.0.0.0")).isTrue();
            assertThat(ipv4.allows("255.255.255.255")).isTrue();
            assertThat(ipv4.allows("::ffff:1.2.3.4")).isTrue();
            assertThat(ipv4.allows("::1")).isFalse();
            assertThat(ipv6.allows("::")).isTrue();
            assertThat(ipv6.allows("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
            assertThat(ipv6.allows("1.2.3.4")).isFalse();
            assertThat(ipv6.allows("::ffff:1.2.3.4")).isFalse();
        }

        @Test
        void ipv4RuleMatchesACallerSeenAsIpv4MappedIpv6() {
            IpAllowList list = IpAllowList.parse("10.0.0.0/8");

            assertThat(list.allows("::ffff:10.1.2.3")).isTrue();
            assertThat(list.allows("::FFFF:10.1.2.3")).isTrue();
            assertThat(list.allows("0:0:0:0:0:ffff:a01:203")).isTrue();
            assertThat(list.allows("[::ffff:10.1.2.3]")).isTrue();
            assertThat(list.allows("::ffff:11.0.0.0")).isFalse();
            assertThat(list.allows("::10.1.2.3")).isFalse();
        }

        @Test
        void ipv4MappedRuleMatchesAnIpv4Caller() {
            IpAllowList list = IpAllowList.parse("::ffff:10.0.0.0/104");

            assertThat(list.allows("10.1.2.3")).isTrue();
            assertThat(list.allows("::ffff:10.255.255.255")).isTrue();
            assertThat(list.allows("11.0.0.0")).isFalse();
            assertThat(list.allows("9.255.255.255")).isFalse();
        }

        @Test
        void ignoresTheZoneIdOfACaller() {
            IpAllowList list = IpAllowList.parse("fe80::/10");

            assertThat(list.allows("fe80::1%eth0")).isTrue();
            assertThat(list.allows("[fe80::1%2]")).isTrue();
            assertThat(list.allows("fe80::1%")).isFalse();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " ", "example.com", "localhost", "10.0.0.1:8080", " 10.0.0.1", "10.0.0.1 ", "10.0.0.01",
                "[10.0.0.1", "10.0.0.1]", "[]", "10.0.0.1%eth0", "10.0.0.1/32", "10.0.0.0/8", "::ffff:10.0.0.1/128",
                "10.0.0", ":::"})
        void neverAllowsAnUnparsableCaller(String remoteAddress) {
            IpAllowList list = IpAllowList.parse("0.0.0.0/0, ::/0");

            assertThat(list.allows(remoteAddress)).isFalse();
        }

        @Test
        void allowsWhenAnyEntryMatches() {
            IpAllowList list = IpAllowList.parse("192.168.0.0/16, 2001:db8::/32, 10.0.0.1");

            assertThat(list.allows("10.0.0.1")).isTrue();
            assertThat(list.allows("2001:db8:1::1")).isTrue();
            assertThat(list.allows("192.168.200.1")).isTrue();
            assertThat(list.allows("10.0.0.2")).isFalse();
            assertThat(list.allows("2001:db9::1")).isFalse();
        }
    }

    @Nested
    class Messages {

        @Test
        void everyReasonHasADistinctCamelCaseKeyWithTheCommonPrefix() {
            assertThat(Reason.values()).extracting(Reason::messageKey)
                    .doesNotHaveDuplicates()
                    .allMatch(key -> key.matches("ipAllowList[A-Z][A-Za-z]+"));
        }

        @Test
        void quotesOnlyPrintableAsciiOfTheEntry() {
            assertThatThrownBy(() -> IpAllowList.parse("10.0.0.1\u0000\u001b[31m\u00e4"))
                    .hasMessage("Invalid IP address or CIDR subnet: \"10.0.0.1??[31m?\"");
        }
    }
}
