package dev.profilekit.keycloak.profile.avatar;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a user's picture comes from. */
public enum AvatarSource {
    /** No picture: the placeholder (initials). */
    NONE,
    /** Uploaded, stored and served by Profile Kit. */
    UPLOAD,
    /** The user chose their Gravatar. */
    GRAVATAR,
    /** Set some other way (by an admin's import, an identity-provider mapper, ...). */
    OTHER;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
