package dev.profilekit.keycloak.profile.avatar.image;

import java.util.List;

/**
 * An upload that is not an acceptable avatar; {@link #messageKey()} (with {@link #params()}) says why, in the
 * theme's words.
 */
public final class InvalidAvatarImageException extends Exception {

    private final String messageKey;
    private final transient List<Object> params;

    InvalidAvatarImageException(String messageKey, Object... params) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.params = List.of(params);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] params() {
        return params.toArray();
    }
}
