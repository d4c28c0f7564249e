package dev.profilekit.keycloak.profile.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a security notice says besides its kind — never a secret: only names, addresses and times. Every field may be
 * {@code null} where a kind has nothing to say.
 *
 * @param name      the name the user gave the app password or API token
 * @param app       the app (client) an app password is bound to, by its display name
 * @param ipAddress the caller's address as Keycloak saw it
 * @param time      when it happened (for {@link SecurityNotice#API_TOKEN_EXPIRING}: when the token expires)
 */
public record NoticeDetails(String name, String app, String ipAddress, Instant time) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** Something that happened now, from {@code ipAddress}. */
    public static NoticeDetails now(String ipAddress) {
        return new NoticeDetails(null, null, ipAddress, Instant.now());
    }

    /**
     * The template's {@code notice} attribute: {@code name}, {@code app}, {@code ipAddress}, {@code time} as text
     * (empty when unknown), for {@code msg(bodyKey, notice.name, notice.app, notice.ipAddress, notice.time)}.
     */
    Map<String, String> templateValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", orEmpty(name));
        values.put("app", orEmpty(app));
        values.put("ipAddress", orEmpty(ipAddress));
        values.put("time", time == null ? "" : TIME.format(time));
        return values;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
