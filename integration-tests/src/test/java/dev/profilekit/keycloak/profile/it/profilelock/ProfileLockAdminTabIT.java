package dev.profilekit.keycloak.profile.it.profilelock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;

/**
 * The admin console's "profile-lock" tab under Realm settings (declarative-ui) saves a realm component; saving it
 * switches the realm attribute the policy reads. The calls are the ones the admin console makes.
 */
@KeycloakIntegrationTest
class ProfileLockAdminTabIT {

    private static final String UI_TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";

    @Test
    void theTabIsOfferedToTheRealmSettingsPage(Keycloak admin) {
        var tabs = admin.serverInfo().getInfo().getComponentTypes().get(UI_TAB_TYPE);

        assertThat(tabs).anySatisfy(tab -> {
            assertThat(tab.getId()).isEqualTo("profile-lock");
            assertThat(tab.getMetadata()).containsEntry("path", "/:realm/realm-settings/:tab?");
            assertThat(tab.getProperties()).extracting("label").containsExactly("Lock user profiles");
        });
    }

    @Test
    void savingTheTabSwitchesTheLock(Keycloak admin) {
        RealmResource realm = admin.realm(TestConfig.DEMO_REALM);
        try (ProfileLockSwitch lock = new ProfileLockSwitch(admin)) {
            lock.set(false);
            ComponentRepresentation tab = existingTab(realm);
            boolean created = tab == null;
            if (created) {
                tab = new ComponentRepresentation();
                tab.setName("profile-lock");
                tab.setProviderId("profile-lock");
                tab.setProviderType(UI_TAB_TYPE);
                tab.setParentId(realm.toRepresentation().getId());
            }
            tab.setConfig(new MultivaluedHashMap<>());
            tab.getConfig().putSingle("enabled", "true");
            try {
                if (created) {
                    try (Response response = realm.components().add(tab)) {
                        tab.setId(CreatedResponseUtil.getCreatedId(response));
                    }
                } else {
                    realm.components().component(tab.getId()).update(tab);
                }
                assertThat(lock.current()).isEqualTo("true");

                tab.getConfig().putSingle("enabled", "false");
                realm.components().component(tab.getId()).update(tab);
                assertThat(lock.current()).isEqualTo("false");
            } finally {
                if (created) {
                    realm.components().component(tab.getId()).remove();
                }
            }
        }
    }

    private static ComponentRepresentation existingTab(RealmResource realm) {
        return realm.components().query(null, UI_TAB_TYPE).stream()
                .filter(component -> "profile-lock".equals(component.getProviderId()))
                .findFirst().orElse(null);
    }
}
