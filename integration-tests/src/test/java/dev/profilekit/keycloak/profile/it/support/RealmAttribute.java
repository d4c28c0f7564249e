package dev.profilekit.keycloak.profile.it.support;

import java.util.HashMap;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/** Sets one realm attribute as an admin would (admin REST API) and puts the old value back when closed. */
public final class RealmAttribute implements AutoCloseable {

    private final RealmResource realm;
    private final String name;
    private final String original;

    private RealmAttribute(RealmResource realm, String name) {
        this.realm = realm;
        this.name = name;
        this.original = attributes(realm).get(name);
    }

    public static RealmAttribute set(RealmResource realm, String name, String value) {
        RealmAttribute attribute = new RealmAttribute(realm, name);
        attribute.put(value);
        return attribute;
    }

    /** Remembers the current value without changing it. */
    public static RealmAttribute remember(RealmResource realm, String name) {
        return new RealmAttribute(realm, name);
    }

    public void put(String value) {
        Map<String, String> attributes = new HashMap<>(attributes(realm));
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
        RealmRepresentation update = new RealmRepresentation();
        update.setAttributes(attributes);
        realm.update(update);
    }

    public String current() {
        return attributes(realm).get(name);
    }

    @Override
    public void close() {
        put(original);
    }

    private static Map<String, String> attributes(RealmResource realm) {
        Map<String, String> attributes = realm.toRepresentation().getAttributes();
        return attributes == null ? Map.of() : attributes;
    }
}
