package dev.profilekit.keycloak.profile.it.support;

import java.util.HashMap;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/** Sets one attribute of the demo realm as an admin would (admin REST API), and puts the original back when closed. */
public final class RealmAttribute implements AutoCloseable {

    private final RealmResource realm;
    private final String name;
    private final String original;

    public RealmAttribute(Keycloak admin, String name) {
        this.realm = admin.realm(TestConfig.DEMO_REALM);
        this.name = name;
        this.original = attributes().get(name);
    }

    /** Sets the attribute; {@code null} removes it. */
    public void set(String value) {
        RealmRepresentation update = new RealmRepresentation();
        Map<String, String> attributes = new HashMap<>(attributes());
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
        update.setAttributes(attributes);
        realm.update(update);
    }

    public String current() {
        return attributes().get(name);
    }

    @Override
    public void close() {
        set(original);
    }

    private Map<String, String> attributes() {
        Map<String, String> attributes = realm.toRepresentation().getAttributes();
        return attributes == null ? Map.of() : attributes;
    }
}
