package dev.profilekit.keycloak.profile.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** The server was started with {@code --import-realm} on realm-config/demo-realm.json, as ./run.sh does. */
@KeycloakIntegrationTest
class DemoRealmImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generated ids, and client secrets, which a partial export masks as "**********". */
    private static final Set<String> IGNORED = Set.of("id", "secret");

    @Test
    void everyRealmSettingOfTheFileIsOnTheServerUnchanged(Keycloak admin) throws Exception {
        JsonNode file = JSON.readTree(TestConfig.demoRealmFile().toFile());
        // An instruction to the importer (create Keycloak's default client scopes too), not a stored setting.
        ((ObjectNode) file.get("attributes")).remove("CreateDefaultClientScopes");
        JsonNode server = JSON.valueToTree(admin.realm(TestConfig.DEMO_REALM).partialExport(true, true));

        for (Iterator<Map.Entry<String, JsonNode>> fields = file.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("users")) {
                assertThat(contains(server.get(field.getKey()), field.getValue())).as(field.getKey() + " = " + field.getValue()).isTrue();
            }
        }
    }

    @Test
    void productSettingsAreOn(Keycloak admin) {
        RealmRepresentation realm = admin.realm(TestConfig.DEMO_REALM).toRepresentation();

        assertThat(realm.getAccountTheme()).isEqualTo("profilekit");
        assertThat(realm.isInternationalizationEnabled()).isTrue();
        assertThat(realm.getSupportedLocales()).contains("en", "de");
        assertThat(realm.getPasswordPolicy()).contains("length(12)");
        assertThat(realm.isBruteForceProtected()).isTrue();
        assertThat(realm.getWebAuthnPolicyPasswordlessPasskeysEnabled()).isTrue();
        assertThat(realm.isEventsEnabled()).isTrue();
        assertThat(realm.isAdminEventsEnabled()).isTrue();
        assertThat(realm.isEditUsernameAllowed()).isFalse();
    }

    @Test
    void theDemoUserFromTheFileCanUseTheAccountConsole(KeycloakServer server, Keycloak admin) throws Exception {
        UserRepresentation demo = admin.realm(TestConfig.DEMO_REALM).users().searchByUsername("demo", true).get(0);
        assertThat(demo.getEmail()).isEqualTo("demo@example.org");

        String token = new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken("demo", "demo-password");

        assertThat(ProfileEndpointIT.getMe(server, token).statusCode()).isEqualTo(200);
    }

    /**
     * Whether the server's value holds everything the file says: scalars equal (as text), objects field by field,
     * arrays of scalars as sets, arrays of objects each matched by some element (the server adds ids and defaults).
     */
    private static boolean contains(JsonNode actual, JsonNode expected) {
        if (actual == null) {
            return false;
        }
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!IGNORED.contains(field.getKey()) && !contains(actual.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            for (JsonNode element : expected) {
                boolean found = false;
                for (JsonNode candidate : actual) {
                    found |= element.isContainerNode() ? contains(candidate, element) : candidate.asText().equals(element.asText());
                }
                if (!found) {
                    return false;
                }
            }
            return expected.size() == 0 || expected.get(0).isContainerNode() || actual.size() == expected.size();
        }
        return actual.asText().equals(expected.asText());
    }
}
