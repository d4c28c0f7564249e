package dev.profilekit.keycloak.profile.common.ip;

/**
 * An IP allow-list, or one of its entries, that cannot be accepted.
 *
 * <p>{@link #getMessageKey()} is the theme message key to show the user (with {@link #getEntry()} as parameter
 * {@code {0}}); {@link #getMessage()} is an English text for logs and API clients.
 */
public final class InvalidIpAllowListException extends IllegalArgumentException {

    /** Why an allow-list was rejected; each reason has a theme message key. */
    public enum Reason {
        /** An entry is neither an IPv4/IPv6 address nor a CIDR subnet. */
        INVALID_ENTRY("ipAllowListInvalidEntry", "Invalid IP address or CIDR subnet: %s"),
        /** The prefix length after {@code /} is not a number in range, or has leading zeros. */
        INVALID_PREFIX("ipAllowListInvalidPrefix", "Invalid IP address or CIDR subnet: %s"),
        /** An IPv6 entry carries a zone id such as {@code %eth0}. */
        ZONE_ID_NOT_SUPPORTED("ipAllowListZoneIdNotSupported", "Invalid IP address or CIDR subnet: %s"),
        /** An entry is empty, e.g. from a doubled or trailing comma. */
        EMPTY_ENTRY("ipAllowListEmptyEntry", "Empty entry in IP allow-list (check for a doubled or trailing comma)"),
        /** An entry is longer than {@link IpAllowList#MAX_ENTRY_LENGTH}. */
        ENTRY_TOO_LONG("ipAllowListEntryTooLong",
                "IP allow-list entry is longer than " + IpAllowList.MAX_ENTRY_LENGTH + " characters: %s"),
        /** The list has more than {@link IpAllowList#MAX_ENTRIES} entries. */
        TOO_MANY_ENTRIES("ipAllowListTooManyEntries", "IP allow-list has more than " + IpAllowList.MAX_ENTRIES + " entries"),
        /** The list is longer than {@link IpAllowList#MAX_LENGTH} characters. */
        TOO_LONG("ipAllowListTooLong", "IP allow-list is longer than " + IpAllowList.MAX_LENGTH + " characters");

        private final String messageKey;
        private final String englishFormat;

        Reason(String messageKey, String englishFormat) {
            this.messageKey = messageKey;
            this.englishFormat = englishFormat;
        }

        /** The theme message key, e.g. {@code ipAllowListInvalidEntry}. */
        public String messageKey() {
            return messageKey;
        }
    }

    private static final long serialVersionUID = 1L;
    private static final int MAX_QUOTED_LENGTH = 64;

    private final Reason reason;
    private final String entry;

    InvalidIpAllowListException(Reason reason, String entry, String detail) {
        super(String.format(reason.englishFormat, quote(entry)) + (detail == null ? "" : " (" + detail + ")"));
        this.reason = reason;
        this.entry = entry;
    }

    /** Why the input was rejected. */
    public Reason getReason() {
        return reason;
    }

    /** The theme message key of {@link #getReason()}. */
    public String getMessageKey() {
        return reason.messageKey();
    }

    /**
     * The offending entry, trimmed ({@code ""} for {@link Reason#EMPTY_ENTRY}), or {@code null} when the
     * whole list is at fault ({@link Reason#TOO_MANY_ENTRIES}, {@link Reason#TOO_LONG}).
     */
    public String getEntry() {
        return entry;
    }

    // shortened, and anything but printable ASCII replaced, so that the message is safe to log
    private static String quote(String entry) {
        if (entry == null) {
            return "";
        }
        StringBuilder quoted = new StringBuilder("\"");
        int length = Math.min(entry.length(), MAX_QUOTED_LENGTH);
        for (int i = 0; i < length; i++) {
            char c = entry.charAt(i);
            quoted.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return quoted.append(entry.length() > MAX_QUOTED_LENGTH ? "...\"" : "\"").toString();
    }
}
