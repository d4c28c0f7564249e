package dev.profilekit.keycloak.profile.common.ip;

import java.util.Arrays;

// Strict parser and formatter for IP address literals. Only the characters are looked at (no InetAddress),
// so host names are simply invalid and no DNS lookup can ever happen.
// IPv4: exactly four decimal octets 0-255 without leading zeros (some tools read them as octal).
// IPv6: RFC 4291 text form: 1-4 hex digits per group, at most one "::" standing for at least one zero group,
// an optional dotted IPv4 tail; no zone id.
final class IpLiterals {

    private static final int IPV4_BYTES = 4;
    private static final int IPV6_BYTES = 16;
    private static final int IPV6_GROUPS = 8;
    private static final int MAPPED_PREFIX_BYTES = 12;

    private IpLiterals() {
    }

    // the 4 or 16 address bytes of the literal text[from, to), or null if it is not one
    static byte[] parse(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ':') {
                return parseIpv6(text, from, to);
            }
        }
        byte[] address = new byte[IPV4_BYTES];
        return parseIpv4(text, from, to, address, 0) ? address : null;
    }

    // a caller's address as the HTTP layer reports it: IPv4 or IPv6, optionally in brackets and with a zone id
    // (ignored); IPv4-mapped IPv6 comes back as 4 bytes; null if it is not an address
    static byte[] parseRemote(String remote) {
        if (remote == null) {
            return null;
        }
        int from = 0;
        int to = remote.length();
        if (to >= 2 && remote.charAt(0) == '[' && remote.charAt(to - 1) == ']') {
            from++;
            to--;
        }
        int zone = remote.indexOf('%', from);
        if (zone >= 0) {
            if (zone >= to - 1) {
                return null;
            }
            to = zone;
        }
        byte[] address = parse(remote, from, to);
        if (address == null || (zone >= 0 && address.length != IPV6_BYTES)) {
            return null;
        }
        return isIpv4Mapped(address) ? toIpv4(address) : address;
    }

    // whether a 16-byte address lies in ::ffff:0:0/96
    static boolean isIpv4Mapped(byte[] address) {
        if (address.length != IPV6_BYTES) {
            return false;
        }
        for (int i = 0; i < MAPPED_PREFIX_BYTES - 2; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[MAPPED_PREFIX_BYTES - 2] == (byte) 0xff && address[MAPPED_PREFIX_BYTES - 1] == (byte) 0xff;
    }

    static byte[] toIpv4(byte[] mapped) {
        byte[] address = new byte[IPV4_BYTES];
        System.arraycopy(mapped, MAPPED_PREFIX_BYTES, address, 0, IPV4_BYTES);
        return address;
    }

    // dotted decimal for 4 bytes; RFC 5952 for 16 (lower case, no leading zeros, the first longest run of 2+ zero groups as "::")
    static String format(byte[] address) {
        StringBuilder text = new StringBuilder(39);
        if (address.length == IPV4_BYTES) {
            for (int i = 0; i < IPV4_BYTES; i++) {
                text.append(i == 0 ? "" : ".").append(address[i] & 0xff);
            }
            return text.toString();
        }
        int[] groups = new int[IPV6_GROUPS];
        for (int i = 0; i < IPV6_GROUPS; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < IPV6_GROUPS; i++) {
            int length = 0;
            while (i + length < IPV6_GROUPS && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
            i += length;
        }
        for (int i = 0; i < IPV6_GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
            } else {
                if (i > 0 && i != bestStart + bestLength) {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }

    private static boolean parseIpv4(String text, int from, int to, byte[] out, int offset) {
        int octet = 0;
        int value = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) {
                    return false;
                }
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return false;
                }
            } else if (c == '.' && digits > 0 && octet < IPV4_BYTES - 1) {
                out[offset + octet++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return false;
            }
        }
        if (digits == 0 || octet != IPV4_BYTES - 1) {
            return false;
        }
        out[offset + octet] = (byte) value;
        return true;
    }

    private static byte[] parseIpv6(String text, int from, int to) {
        byte[] address = new byte[IPV6_BYTES];
        int count = 0;
        int gap = -1;
        int i = from;
        if (to - from >= 2 && text.charAt(i) == ':' && text.charAt(i + 1) == ':') {
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && i - start <= 4) {
                int digit = hexDigit(text.charAt(i));
                if (digit < 0) {
                    break;
                }
                value = (value << 4) | digit;
                i++;
            }
            if (i < to && text.charAt(i) == '.') {
                if (count > IPV6_GROUPS - 2 || !parseIpv4(text, start, to, address, 2 * count)) {
                    return null;
                }
                count += 2;
                break;
            }
            if (i == start || i - start > 4 || count == IPV6_GROUPS) {
                return null;
            }
            address[2 * count] = (byte) (value >>> 8);
            address[2 * count + 1] = (byte) value;
            count++;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != ':' || ++i == to) {
                return null;
            }
            if (text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                i++;
            }
        }
        if (gap < 0) {
            return count == IPV6_GROUPS ? address : null;
        }
        if (count == IPV6_GROUPS) {
            return null;
        }
        int tail = 2 * (count - gap);
        int shift = 2 * (IPV6_GROUPS - count);
        System.arraycopy(address, 2 * gap, address, 2 * gap + shift, tail);
        Arrays.fill(address, 2 * gap, 2 * gap + shift, (byte) 0);
        return address;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
