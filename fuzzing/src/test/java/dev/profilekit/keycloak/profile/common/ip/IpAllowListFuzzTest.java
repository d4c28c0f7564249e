package dev.profilekit.keycloak.profile.common.ip;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the IP allow-list parser ({@link IpAllowList}, {@link IpRange}, {@link IpLiterals}) and
 * {@link IpAllowList#allows(String)}.
 *
 * <p>Input: UTF-8 text, an allow-list up to the first line feed and a caller address after it (without a line
 * feed, the whole text is both). For every input:
 * <ul>
 *   <li>parsing gives a list or throws {@link InvalidIpAllowListException} with a message key and a message that is
 *       printable ASCII (safe to log), nothing else;</li>
 *   <li>a list's canonical text is at most {@link IpAllowList#MAX_LENGTH} long and parses back to an equal list
 *       with the same text; so does each range's;</li>
 *   <li>{@code allows} never throws and answers as a reference implementation on {@link BigInteger}s does; a range
 *       allows its own network address;</li>
 *   <li>an address literal the parser accepts formats to text that parses back to the same address, and means the
 *       same address to the JDK's {@link InetAddress}, which is only ever given such accepted literals, so it never
 *       does a DNS lookup.</li>
 * </ul>
 */
class IpAllowListFuzzTest {

    @FuzzTest
    @DictionaryEntries({"::", "::ffff:", "/", "/128", "/32", ".", "%", ",", ", ", "[", "]", "255.", "ffff:"})
    void parseAndMatch(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String listText = newline < 0 ? text : text.substring(0, newline);
        String caller = newline < 0 ? text : text.substring(newline + 1);

        byte[] literal = IpLiterals.parse(caller, 0, caller.length());
        if (literal != null) {
            assertThat(jdkAddress(caller)).as("JDK's reading of %s", caller).isEqualTo(ipv4IfMapped(literal));
            String formatted = IpLiterals.format(literal);
            assertThat(IpLiterals.parse(formatted, 0, formatted.length())).as("format(%s)", caller).isEqualTo(literal);
        }
        IpAllowList list;
        try {
            list = IpAllowList.parse(listText);
        } catch (InvalidIpAllowListException invalid) {
            assertThat(invalid.getMessageKey()).startsWith("ipAllowList");
            assertThat(invalid.getMessage()).matches("[\\x20-\\x7e]+");
            return;
        }
        checkCanonicalForm(list);
        byte[] callerAddress = IpLiterals.parseRemote(caller);
        assertThat(list.allows(caller)).as("allows(%s)", caller).isEqualTo(referenceAllows(list, callerAddress));
    }

    private static void checkCanonicalForm(IpAllowList list) {
        String canonical = list.toString();
        assertThat(canonical.length()).isLessThanOrEqualTo(IpAllowList.MAX_LENGTH);
        IpAllowList reparsed = IpAllowList.parse(canonical);
        assertThat(reparsed).isEqualTo(list);
        assertThat(reparsed.toString()).isEqualTo(canonical);
        for (IpRange range : list.ranges()) {
            assertThat(IpRange.parse(range.toString())).isEqualTo(range);
            assertThat(list.allows(range.networkAddress())).as("allows its network %s", range).isTrue();
        }
    }

    // independent of IpRange.contains: the first prefixLength bits of caller and network compared as numbers
    private static boolean referenceAllows(IpAllowList list, byte[] caller) {
        if (list.isEmpty()) {
            return true;
        }
        if (caller == null) {
            return false;
        }
        BigInteger callerBits = new BigInteger(1, caller);
        for (IpRange range : list.ranges()) {
            byte[] network = jdkAddress(range.networkAddress());
            int bits = caller.length * 8;
            if (range.isIpv6() == (caller.length == 16) && network.length == caller.length
                    && callerBits.shiftRight(bits - range.prefixLength()).equals(new BigInteger(1, network).shiftRight(bits - range.prefixLength()))) {
                return true;
            }
        }
        return false;
    }

    // the JDK's bytes for an address literal (4 for IPv4-mapped IPv6); call only with literals, never with host names
    private static byte[] jdkAddress(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException notAnAddress) {
            throw new AssertionError("the JDK does not read " + literal + " as an address", notAnAddress);
        }
    }

    private static byte[] ipv4IfMapped(byte[] address) {
        return IpLiterals.isIpv4Mapped(address) ? IpLiterals.toIpv4(address) : address;
    }
}
