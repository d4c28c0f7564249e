package dev.profilekit.keycloak.profile.common.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Randomized checks with fixed seeds: valid ranges in every textual variant parse to the expected bytes and
 * round-trip through their canonical form; garbage only ever raises {@link InvalidIpAllowListException}.
 */
class IpAllowListPropertyTest {

    private static final int ITERATIONS = 20_000;
    private static final Pattern ZERO_RUN = Pattern.compile("(?<![0-9a-f])0(:0)+(?![0-9a-f])");
    private static final String GARBAGE_CHARS = "0123456789abcdefABCDEF:::...///%%,, \tgxz[]-+_\u00e4\uff11\u0661\u0000\u00a0";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void validRangesRoundTripAndContainTheirFirstAndLastAddress() {
        Random random = new Random(20240611L);
        for (int i = 0; i < ITERATIONS; i++) {
            boolean ipv6 = random.nextBoolean();
            byte[] address = ipv6 ? randomIpv6(random) : randomIpv4(random);
            int maxPrefix = address.length * 8;
            boolean withPrefix = random.nextInt(4) > 0;
            int prefix = withPrefix ? random.nextInt(maxPrefix + 1) : maxPrefix;
            String text = (ipv6 ? ipv6Text(address, random) : ipv4Text(address)) + (withPrefix ? "/" + prefix : "");

            IpRange range = parseOrFail(text);

            byte[] expected = expectedNetwork(address, prefix);
            int expectedPrefix = expected.length == address.length ? prefix : prefix - 96;
            assertThat(range.toString()).as(text)
                    .isEqualTo(referenceFormat(expected) + (expectedPrefix == expected.length * 8 ? "" : "/" + expectedPrefix));
            assertThat(range.prefixLength()).as(text).isEqualTo(expectedPrefix);
            assertThat(IpRange.parse(range.toString())).as(text).isEqualTo(range);

            IpAllowList list = IpAllowList.parse(range.toString());
            assertThat(list.toString()).as(text).isEqualTo(range.toString());
            assertThat(list.allows(range.networkAddress())).as(text).isTrue();
            byte[] last = lastAddress(expected, expectedPrefix);
            // an IPv6 range never matches IPv4-mapped callers: they count as IPv4 (see IpRange)
            assertThat(list.allows(referenceFormat(last))).as(text).isEqualTo(!IpLiterals.isIpv4Mapped(last));
            if (expectedPrefix > 0) {
                assertThat(list.allows(referenceFormat(flipBit(expected, expectedPrefix - 1)))).as(text).isFalse();
            }
            if (expected.length == 4) {
                assertThat(list.allows("::ffff:" + range.networkAddress())).as(text).isTrue();
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void garbageOnlyEverRaisesInvalidIpAllowListException() {
        Random random = new Random(42L);
        IpAllowList everything = IpAllowList.parse("0.0.0.0/0, ::/0");
        for (int i = 0; i < ITERATIONS; i++) {
            String garbage = random.nextBoolean() ? randomGarbage(random) : mutatedValidList(random);
            IpAllowList list;
            try {
                list = IpAllowList.parse(garbage);
            } catch (InvalidIpAllowListException expected) {
                assertThat(expected.getMessageKey()).isNotBlank();
                assertThat(expected.getMessage()).isNotBlank();
                continue;
            } catch (RuntimeException | Error unexpected) {
                throw new AssertionError("unexpected " + unexpected + " for " + escape(garbage), unexpected);
            } finally {
                everything.allows(garbage);
            }
            assertThat(IpAllowList.parse(list.toString())).as(escape(garbage)).isEqualTo(list);
        }
    }

    private static IpRange parseOrFail(String text) {
        try {
            return IpRange.parse(text);
        } catch (InvalidIpAllowListException e) {
            return fail("valid input " + text + " rejected: " + e.getMessage());
        }
    }

    private static byte[] randomIpv4(Random random) {
        byte[] address = new byte[4];
        random.nextBytes(address);
        return address;
    }

    // Biased towards zero groups (to exercise "::") and towards IPv4-mapped addresses.
    private static byte[] randomIpv6(Random random) {
        byte[] address = new byte[16];
        random.nextBytes(address);
        if (random.nextInt(5) == 0) {
            for (int i = 0; i < 10; i++) {
                address[i] = 0;
            }
            address[10] = (byte) 0xff;
            address[11] = (byte) 0xff;
            return address;
        }
        for (int group = 0; group < 8; group++) {
            if (random.nextInt(5) < 2) {
                address[2 * group] = 0;
                address[2 * group + 1] = 0;
            } else if (random.nextInt(4) == 0) {
                address[2 * group] = 0;
            }
        }
        return address;
    }

    private static String ipv4Text(byte[] address) {
        return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
    }

    // One of several valid spellings: full with leading zeros, full, canonical, any "::", upper case, IPv4 tail.
    private static String ipv6Text(byte[] address, Random random) {
        List<String> groups = new ArrayList<>();
        boolean leadingZeros = random.nextInt(4) == 0;
        for (int i = 0; i < 8; i++) {
            int value = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
            groups.add(leadingZeros ? String.format("%04x", value) : Integer.toHexString(value));
        }
        boolean ipv4Tail = random.nextInt(4) == 0;
        if (ipv4Tail) {
            groups.remove(7);
            groups.set(6, (address[12] & 0xff) + "." + (address[13] & 0xff) + "." + (address[14] & 0xff) + "." + (address[15] & 0xff));
        }
        String text = switch (random.nextInt(3)) {
            case 0 -> String.join(":", groups);
            case 1 -> compressRandomZeroRun(groups, random);
            default -> ipv4Tail ? compressRandomZeroRun(groups, random) : referenceFormat(address);
        };
        return random.nextInt(4) == 0 ? text.toUpperCase(Locale.ROOT) : text;
    }

    private static String compressRandomZeroRun(List<String> groups, Random random) {
        List<int[]> runs = new ArrayList<>();
        for (int start = 0; start < groups.size(); start++) {
            for (int end = start + 1; end <= groups.size() && isZero(groups.get(end - 1)); end++) {
                runs.add(new int[] {start, end});
            }
        }
        if (runs.isEmpty()) {
            return String.join(":", groups);
        }
        int[] run = runs.get(random.nextInt(runs.size()));
        return String.join(":", groups.subList(0, run[0])) + "::" + String.join(":", groups.subList(run[1], groups.size()));
    }

    private static boolean isZero(String group) {
        return group.chars().allMatch(c -> c == '0');
    }

    private static byte[] expectedNetwork(byte[] address, int prefix) {
        byte[] network = address.clone();
        int effectivePrefix = prefix;
        if (network.length == 16 && prefix >= 96 && IpLiterals.isIpv4Mapped(network)) {
            network = new byte[] {address[12], address[13], address[14], address[15]};
            effectivePrefix = prefix - 96;
        }
        for (int bit = effectivePrefix; bit < network.length * 8; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return network;
    }

    private static byte[] lastAddress(byte[] network, int prefix) {
        byte[] last = network.clone();
        for (int bit = prefix; bit < last.length * 8; bit++) {
            last[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return last;
    }

    private static byte[] flipBit(byte[] address, int bit) {
        byte[] flipped = address.clone();
        flipped[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        return flipped;
    }

    // An independent RFC 5952 formatter: regex over the full form, longest zero run (first on a tie) becomes "::".
    private static String referenceFormat(byte[] address) {
        if (address.length == 4) {
            return ipv4Text(address);
        }
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            groups.add(Integer.toHexString(((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff)));
        }
        String full = String.join(":", groups);
        Matcher matcher = ZERO_RUN.matcher(full);
        int bestStart = -1;
        int bestEnd = -1;
        while (matcher.find()) {
            if (matcher.end() - matcher.start() > bestEnd - bestStart) {
                bestStart = matcher.start();
                bestEnd = matcher.end();
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = full.substring(0, bestStart);
        String tail = full.substring(bestEnd);
        return (head.isEmpty() ? ":" : head) + (tail.isEmpty() ? ":" : tail);
    }

    private static String randomGarbage(Random random) {
        StringBuilder garbage = new StringBuilder();
        int length = random.nextInt(90);
        for (int i = 0; i < length; i++) {
            garbage.append(random.nextInt(10) == 0
                    ? (char) random.nextInt(0x3000)
                    : GARBAGE_CHARS.charAt(random.nextInt(GARBAGE_CHARS.length())));
        }
        return garbage.toString();
    }

    // A valid list with a few random insertions, deletions or replacements: garbage close to valid input.
    private static String mutatedValidList(Random random) {
        StringBuilder text = new StringBuilder();
        int entries = 1 + random.nextInt(3);
        for (int i = 0; i < entries; i++) {
            byte[] address = random.nextBoolean() ? randomIpv6(random) : randomIpv4(random);
            text.append(i == 0 ? "" : ",")
                    .append(address.length == 16 ? ipv6Text(address, random) : ipv4Text(address))
                    .append(random.nextBoolean() ? "/" + random.nextInt(address.length * 8 + 1) : "");
        }
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            char c = GARBAGE_CHARS.charAt(random.nextInt(GARBAGE_CHARS.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, c);
                case 1 -> text.deleteCharAt(at);
                default -> text.setCharAt(at, c);
            }
        }
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder("\"");
        text.chars().forEach(c -> escaped.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return escaped.append('"').toString();
    }
}
