package dev.profilekit.keycloak.profile.it.support;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Creates users in the demo realm through the admin REST API (so they get the realm's default roles, as users
 * created by an admin do) and deletes them when the test ends.
 */
public final class TestUsers implements AutoCloseable {

    /** Satisfies the demo realm's password policy. */
    public static final String PASSWORD = "correct-horse-battery";

    private final Keycloak admin;
    private final List<String> created = new ArrayList<>();

    public TestUsers(Keycloak admin) {
        this.admin = admin;
    }

    /**
     * A new enabled user with a verified email, first/last name and {@link #PASSWORD}, plus {@code otherCredentials}
     * stored as they are (for example WebAuthn credentials with their credential data).
     */
    public TestUser create(String usernamePrefix, CredentialRepresentation... otherCredentials) {
        String username = usernamePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.org");
        user.setEmailVerified(true);
        user.setFirstName("Test");
        user.setLastName("User");
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        List<CredentialRepresentation> credentials = new ArrayList<>(List.of(password));
        credentials.addAll(List.of(otherCredentials));
        user.setCredentials(credentials);
        try (Response response = realm().users().create(user)) {
            String id = CreatedResponseUtil.getCreatedId(response);
            created.add(id);
            return new TestUser(id, username, PASSWORD);
        }
    }

    public RealmResource realm() {
        return admin.realm(TestConfig.DEMO_REALM);
    }

    @Override
    public void close() {
        created.forEach(id -> realm().users().delete(id).close());
    }

    public record TestUser(String id, String username, String password) {
    }
}
