package dev.profilekit.keycloak.profile.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import java.util.HashSet;
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
    /** Imported into their own admin resources, not part of the realm representation; checked where they are used. */
    private static final Set<String> SUB_RESOURCES = Set.of("users", "clients", "clientScopes");

    @Test
    void everyRealmSettingOfTheFileIsOnTheServerUnchanged(Keycloak admin) throws Exception {
        JsonNode file = JSON.readTree(TestConfig.demoRealmFile().toFile());
        JsonNode server = JSON.valueToTree(admin.realm(TestConfig.DEMO_REALM).toRepresentation());

        for (Iterator<Map.Entry<String, JsonNode>> fields = file.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (SUB_RESOURCES.contains(field.getKey())) {
                continue;
            }
            JsonNode actual = server.get(field.getKey());
            if (field.getValue().isArray()) {
                assertThat(elements(actual)).as(field.getKey()).isEqualTo(elements(field.getValue()));
            } else {
                assertThat(actual).as(field.getKey()).isNotNull();
                assertThat(actual.asText()).as(field.getKey()).isEqualTo(field.getValue().asText());
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

    private static Set<JsonNode> elements(JsonNode array) {
        Set<JsonNode> set = new HashSet<>();
        if (array != null) {
            array.forEach(set::add);
        }
        return set;
    }
}
