package dev.profilekit.keycloak.profile.apppassword;

import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/**
 * Which clients take app passwords. An admin enables a client by setting its direct-grant flow override
 * (admin console: Clients → client → Advanced → Authentication flow overrides) to a flow that runs
 * {@link AppPasswordDirectGrantAuthenticator}; that execution's config says whether the main password is still
 * accepted there.
 */
public final class AppPasswordClients {

    private static final String DIRECT_GRANT_BINDING = "direct_grant";

    private AppPasswordClients() {
    }

    /** How {@code client} treats app passwords: empty if it does not accept them. */
    public static Optional<AppPasswordMode> mode(RealmModel realm, ClientModel client) {
        if (!client.isEnabled() || !client.isDirectAccessGrantsEnabled()) {
            return Optional.empty();
        }
        String flowId = client.getAuthenticationFlowBindingOverrides().get(DIRECT_GRANT_BINDING);
        if (flowId == null || realm.getAuthenticationFlowById(flowId) == null) {
            return Optional.empty();
        }
        return realm.getAuthenticationExecutionsStream(flowId)
                .filter(execution -> AppPasswordDirectGrantAuthenticator.PROVIDER_ID.equals(execution.getAuthenticator()))
                .filter(execution -> execution.getRequirement() != AuthenticationExecutionModel.Requirement.DISABLED)
                .findFirst()
                .map(execution -> AppPasswordMode.of(config(realm, execution)));
    }

    /** The realm's clients that accept app passwords. */
    public static Stream<ClientModel> enabled(RealmModel realm) {
        return realm.getClientsStream().filter(client -> mode(realm, client).isPresent());
    }

    /** How the app is named to users: the client's name, or its client id if it has none. */
    public static String displayName(ClientModel client) {
        return client.getName() == null || client.getName().isBlank() ? client.getClientId() : client.getName();
    }

    /** {@link #displayName} of the realm's client {@code clientId}, or {@code clientId} if there is no such client. */
    public static String displayName(RealmModel realm, String clientId) {
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        return client == null ? clientId : displayName(client);
    }

    private static AuthenticatorConfigModel config(RealmModel realm, AuthenticationExecutionModel execution) {
        return execution.getAuthenticatorConfig() == null ? null : realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig());
    }
}
