package dev.profilekit.keycloak.profile.profilelock;

/**
 * Why a user cannot change their locked profile attributes.
 *
 * @param reason    who locked them
 * @param directory the external directory's display name for {@link Reason#DIRECTORY}, else {@code null}
 */
public record ProfileLock(Reason reason, String directory) {

    public static final ProfileLock ADMIN = new ProfileLock(Reason.ADMIN, null);

    public static ProfileLock directory(String name) {
        return new ProfileLock(Reason.DIRECTORY, name);
    }

    /** The message key a refused write answers with; for a directory its name is message parameter {@code {1}}. */
    public String messageKey() {
        return reason.messageKey;
    }

    public enum Reason {
        /** The realm's "Lock user profiles" switch is on. */
        ADMIN("profileLockedByAdmin"),
        /** The user is linked to an external directory that owns their profile. */
        DIRECTORY("profileManagedByDirectory");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }
    }
}
