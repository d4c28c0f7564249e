package dev.profilekit.keycloak.profile.it.profilelock;

import dev.profilekit.keycloak.profile.it.support.RealmAttribute;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import org.keycloak.admin.client.Keycloak;

/** Flips the demo realm's "Lock user profiles" realm attribute as an admin would, and puts it back when closed. */
public final class ProfileLockSwitch implements AutoCloseable {

    static final String ATTRIBUTE = "profilekit.profileLock.enabled";

    private final RealmAttribute attribute;

    public ProfileLockSwitch(Keycloak admin) {
        this.attribute = RealmAttribute.remember(admin.realm(TestConfig.DEMO_REALM), ATTRIBUTE);
    }

    public void set(boolean locked) {
        attribute.put(String.valueOf(locked));
    }

    String current() {
        return attribute.current();
    }

    @Override
    public void close() {
        attribute.close();
    }
}
