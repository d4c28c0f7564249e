package dev.profilekit.keycloak.profile.it.profilelock;

import dev.profilekit.keycloak.profile.it.support.TestConfig;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/** Flips the demo realm's "Lock user profiles" realm attribute as an admin would, and puts it back when closed. */
public final class ProfileLockSwitch implements AutoCloseable {

    static final String ATTRIBUTE = "profilekit.profileLock.enabled";

    private final RealmResource realm;
    private final String original;

    public ProfileLockSwitch(Keycloak admin) {
        this.realm = admin.realm(TestConfig.DEMO_REALM);
        this.original = attributes().get(ATTRIBUTE);
    }

    public void set(boolean locked) {
        put(String.valueOf(locked));
    }

    String current() {
        return attributes().get(ATTRIBUTE);
    }

    @Override
    public void close() {
        put(original);
    }

    private Map<String, String> attributes() {
        Map<String, String> attributes = realm.toRepresentation().getAttributes();
        return attributes == null ? Map.of() : attributes;
    }

    private void put(String value) {
        RealmRepresentation update = new RealmRepresentation();
        Map<String, String> attributes = new HashMap<>(attributes());
        if (value == null) {
            attributes.remove(ATTRIBUTE);
        } else {
            attributes.put(ATTRIBUTE, value);
        }
        update.setAttributes(attributes);
        realm.update(update);
    }
}
