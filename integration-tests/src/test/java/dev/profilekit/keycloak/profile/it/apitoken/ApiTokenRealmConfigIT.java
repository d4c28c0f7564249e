package dev.profilekit.keycloak.profile.it.apitoken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.keycloak.profile.it.support.KeycloakIntegrationTest;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;

/** What realm-config/demo-realm.json sets up for API tokens is on the server as the README describes it. */
@KeycloakIntegrationTest
class ApiTokenRealmConfigIT {

    @Test
    void theApiScopesExistNextToKeycloaksDefaultScopes(Keycloak admin) {
        List<String> scopes = realm(admin).clientScopes().findAll().stream().map(ClientScopeRepresentation::getName).toList();

        assertThat(scopes).contains("api:read", "api:write", "basic", "profile", "roles", "email");
    }

    @Test
    void apiCliCanOnlyExchangeApiTokensAndHasNoRoles(Keycloak admin) {
        ClientResource client = client(admin, ApiTokenApi.CLI_CLIENT);
        ClientRepresentation cli = client.toRepresentation();

        assertThat(cli.isPublicClient()).isTrue();
        assertThat(cli.isStandardFlowEnabled()).isFalse();
        assertThat(cli.isDirectAccessGrantsEnabled()).isFalse();
        assertThat(cli.isImplicitFlowEnabled()).isFalse();
        assertThat(cli.isFullScopeAllowed()).isFalse();
        assertThat(cli.getAttributes()).containsEntry("profilekit.apiTokens.exchangeAllowed", "true");
        assertThat(client.getDefaultClientScopes()).extracting("name").containsExactly("basic");
        assertThat(client.getOptionalClientScopes()).extracting("name").containsExactlyInAnyOrder("api:read", "api:write");
    }

    @Test
    void theResourceServerIsConfidentialAndThePolicyIsSet(Keycloak admin) {
        ClientRepresentation server = client(admin, ApiTokenApi.RESOURCE_SERVER).toRepresentation();

        assertThat(server.isPublicClient()).isFalse();
        assertThat(server.getAttributes()).doesNotContainKey("profilekit.apiTokens.exchangeAllowed");
        assertThat(realm(admin).toRepresentation().getAttributes())
                .containsEntry("profilekit.apiTokens.maxLifetimeDays", "365")
                .containsEntry("profilekit.apiTokens.readWriteAllowed", "true");
    }

    private static RealmResource realm(Keycloak admin) {
        return admin.realm(TestConfig.DEMO_REALM);
    }

    private static ClientResource client(Keycloak admin, String clientId) {
        String id = realm(admin).clients().findByClientId(clientId).get(0).getId();
        return realm(admin).clients().get(id);
    }
}
