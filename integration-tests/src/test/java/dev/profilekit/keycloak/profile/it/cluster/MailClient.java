package dev.profilekit.keycloak.profile.it.cluster;

import dev.profilekit.keycloak.profile.it.support.KeycloakAddress;
import dev.profilekit.keycloak.profile.it.support.LoopbackClient;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;

import java.io.IOException;
import java.util.Map;

/** The demo realm's {@code mail} client signing a user in with an app password (password grant) from a chosen loopback address. */
final class MailClient {

    private static final String TOKEN_PATH = "/realms/" + TestConfig.DEMO_REALM + "/protocol/openid-connect/token";

    private MailClient() {
    }

    static LoopbackClient.Answer signIn(KeycloakAddress node, String sourceAddress, TestUser user, String appPassword) throws IOException {
        return new LoopbackClient(node).postForm(sourceAddress, TOKEN_PATH,
                Map.of("grant_type", "password", "client_id", "mail", "username", user.username(), "password", appPassword));
    }
}
