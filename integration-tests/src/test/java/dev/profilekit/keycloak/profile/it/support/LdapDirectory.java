package dev.profilekit.keycloak.profile.it.support;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;

/**
 * A real LDAP server (UnboundID's in-memory directory, speaking the LDAP protocol on a loopback port) registered in
 * the demo realm as a user-federation provider, as an admin would with Keycloak's "Add LDAP provider" form. Closing it
 * removes the provider (and the users Keycloak imported from it) and stops the server.
 */
public final class LdapDirectory implements AutoCloseable {

    public static final String BASE_DN = "dc=example,dc=org";
    private static final String PEOPLE_DN = "ou=people," + BASE_DN;
    private static final String BIND_DN = "cn=keycloak," + BASE_DN;
    private static final String BIND_PASSWORD = "ldap-bind-secret";

    private final InMemoryDirectoryServer server;
    private final RealmResource realm;
    private final String componentId;
    private final String name;

    private LdapDirectory(InMemoryDirectoryServer server, RealmResource realm, String componentId, String name) {
        this.server = server;
        this.realm = realm;
        this.componentId = componentId;
        this.name = name;
    }

    /** Starts a directory and registers it in {@code realm} as a user-federation provider named {@code name}. */
    public static LdapDirectory start(RealmResource realm, String name) throws LDAPException, LDIFException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.startListening();
        try {
            server.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: example");
            server.add("dn: " + PEOPLE_DN, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
            return new LdapDirectory(server, realm, register(realm, name, server.getListenPort()), name);
        } catch (RuntimeException | LDAPException | LDIFException e) {
            server.shutDown(true);
            throw e;
        }
    }

    /**
     * Adds a person the directory owns; Keycloak imports them at their first login. Keycloak's default mappers for
     * vendor "other" read the first name from {@code cn}, so {@code cn} holds the given name.
     */
    public void addPerson(String uid, String password, String givenName, String surname, String mail) throws LDAPException, LDIFException {
        server.add("dn: uid=" + uid + "," + PEOPLE_DN,
                "objectClass: top", "objectClass: person", "objectClass: organizationalPerson", "objectClass: inetOrgPerson",
                "uid: " + uid, "cn: " + givenName, "givenName: " + givenName, "sn: " + surname,
                "mail: " + mail, "userPassword: " + password);
    }

    public String name() {
        return name;
    }

    /** The user-federation component's id, which Keycloak stores as the imported users' federation link. */
    public String componentId() {
        return componentId;
    }

    @Override
    public void close() {
        try {
            realm.components().component(componentId).remove();
        } finally {
            server.shutDown(true);
        }
    }

    private static String register(RealmResource realm, String name, int port) {
        ComponentRepresentation ldap = new ComponentRepresentation();
        ldap.setName(name);
        ldap.setProviderId("ldap");
        ldap.setProviderType("org.keycloak.storage.UserStorageProvider");
        ldap.setParentId(realm.toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("enabled", "true");
        config.putSingle("priority", "0");
        config.putSingle("vendor", "other");
        // WRITABLE: the directory itself would accept changes, so a refused edit proves the profile-lock policy
        config.putSingle("editMode", "WRITABLE");
        config.putSingle("connectionUrl", "ldap://127.0.0.1:" + port);
        config.putSingle("bindDn", BIND_DN);
        config.putSingle("bindCredential", BIND_PASSWORD);
        config.putSingle("authType", "simple");
        config.putSingle("usersDn", PEOPLE_DN);
        config.putSingle("usernameLDAPAttribute", "uid");
        config.putSingle("rdnLDAPAttribute", "uid");
        config.putSingle("uuidLDAPAttribute", "entryUUID");
        config.putSingle("userObjectClasses", "inetOrgPerson, organizationalPerson");
        config.putSingle("searchScope", "1");
        config.putSingle("pagination", "false");
        config.putSingle("importEnabled", "true");
        config.putSingle("syncRegistrations", "false");
        config.putSingle("trustEmail", "true");
        config.putSingle("cachePolicy", "NO_CACHE");
        ldap.setConfig(config);
        try (Response response = realm.components().add(ldap)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }
}
