package dev.profilekit.keycloak.profile.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profilekit.keycloak.profile.it.apitoken.ApiTokenApi;
import dev.profilekit.keycloak.profile.it.profilelock.SelfService;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.LoopbackClient;
import dev.profilekit.keycloak.profile.it.support.RealmAttribute;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Keycloak nodes sharing one PostgreSQL database ({@link KeycloakCluster}): whatever decides whether an API token,
 * an app password or a profile change is accepted is seen by the other node with its very next request, and last-use
 * records written by both nodes end up right. Every "on the other node" step runs right after the change, without
 * waiting.
 */
@EnabledIfSystemProperty(named = "keycloak.db", matches = "postgres", disabledReason = "needs PostgreSQL: runs with -Dit.db=postgres")
@ExtendWith(KeycloakClusterExtension.class)
class ClusterIT {

    private static final String APP_PASSWORDS = "app-passwords";

    private KeycloakCluster cluster;
    private TestUsers users;

    @BeforeEach
    void users(KeycloakCluster cluster) {
        this.cluster = cluster;
        this.users = new TestUsers(cluster.admin(cluster.a()));
    }

    @AfterEach
    void removeUsers() {
        users.close();
    }

    @Test
    void anApiTokenRevokedOnOneNodeIsRefusedOnTheOtherAtOnce() throws Exception {
        String accountToken = accountToken(users.create("cluster-token"));
        ApiTokenApi onA = new ApiTokenApi(cluster.a());
        ApiTokenApi onB = new ApiTokenApi(cluster.b());
        JsonNode created = onA.createOk(accountToken, "read-only", "");
        String value = created.path("value").asText();
        assertThat(onB.exchange(value).status()).as("created on A, exchanged on B").isEqualTo(200);

        assertThat(onA.revoke(accountToken, created.at("/token/id").asText()).status()).isEqualTo(204);

        ApiTokenApi.Answer refused = onB.exchange(value);
        assertThat(refused.status()).as("revoked on A, exchanged on B: " + refused).isEqualTo(400);
        assertThat(refused.text("error")).isEqualTo("invalid_grant");
        assertThat(onB.introspect(value, "api_token").body().path("active").asBoolean()).isFalse();
    }

    @Test
    void anAppPasswordDeletedOnOneNodeFailsOnTheOtherAtOnce() throws Exception {
        TestUser user = users.create("cluster-app");
        AccountApi onA = new AccountApi(cluster.a(), accountToken(user));
        AccountApi.Answer created = onA.post(APP_PASSWORDS, Map.of("name", "Mail on the laptop", "clientId", "mail"));
        String password = created.body().path("password").asText();
        assertThat(MailClient.signIn(cluster.b(), "127.0.0.1", user, password).status()).as("created on A, used on B").isEqualTo(200);

        assertThat(onA.delete(APP_PASSWORDS + "/" + created.body().at("/appPassword/id").asText()).status()).isEqualTo(204);

        LoopbackClient.Answer refused = MailClient.signIn(cluster.b(), "127.0.0.1", user, password);
        assertThat(refused.status()).as("deleted on A, used on B: " + refused.body()).isEqualTo(400);
        assertThat(refused.body().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void theProfileLockSwitchedOnOneNodeIsEnforcedOnTheOther() throws Exception {
        SelfService onB = new SelfService(new AccountApi(cluster.b(), accountToken(users.create("cluster-lock"))));
        try (RealmAttribute lock = RealmAttribute.set(cluster.admin(cluster.a()).realm(TestConfig.DEMO_REALM),
                "profilekit.profileLock.enabled", "true")) {
            AccountApi.Answer refused = onB.update(Map.of("firstName", "Changed"));
            assertThat(refused.status()).as("locked on A, edited on B").isEqualTo(400);
            assertThat(SelfService.errorKeys(refused)).contains("profileLockedByAdmin");

            lock.put("false");
            assertThat(onB.update(Map.of("firstName", "Changed")).status()).as("unlocked on A, edited on B").isEqualTo(204);
        }
    }

    @Test
    void lastUseWrittenByBothNodesEndsUpWithTheLatestUse() throws Exception {
        TestUser user = users.create("cluster-last-use");
        String accountToken = accountToken(user);
        ApiTokenApi onA = new ApiTokenApi(cluster.a());
        ApiTokenApi onB = new ApiTokenApi(cluster.b());
        String token = onA.createOk(accountToken, "read-only", "").path("value").asText();
        AccountApi accountOnA = new AccountApi(cluster.a(), accountToken);
        String appPassword = accountOnA.post(APP_PASSWORDS, Map.of("name", "Calendar", "clientId", "mail")).body().path("password").asText();

        for (String[] use : new String[][] {{"a", "127.0.0.2"}, {"b", "127.0.0.3"}, {"a", "127.0.0.4"}, {"b", "127.0.0.5"}}) {
            ApiTokenApi api = use[0].equals("a") ? onA : onB;
            assertThat(api.exchange(use[1], token, null).status()).isEqualTo(200);
            assertThat(MailClient.signIn(use[0].equals("a") ? cluster.a() : cluster.b(), use[1], user, appPassword).status()).isEqualTo(200);

            // read back on the node that did not write
            ApiTokenApi reader = api == onA ? onB : onA;
            AccountApi accountReader = new AccountApi(api == onA ? cluster.b() : cluster.a(), accountToken);
            assertThat(reader.list(accountToken).body().path(0).path("lastUsedIp").asText()).as("API token used on " + use[0]).isEqualTo(use[1]);
            assertThat(accountReader.get(APP_PASSWORDS).body().path(0).path("lastUsedIp").asText()).as("app password used on " + use[0]).isEqualTo(use[1]);
        }
    }

    @Test
    void forwardedForIsHonouredOnlyFromTheTrustedProxy() throws Exception {
        String accountToken = accountToken(users.create("cluster-proxy"));
        ApiTokenApi viaProxy = new ApiTokenApi(cluster.proxy());
        ApiTokenApi direct = new ApiTokenApi(cluster.b());
        String token = viaProxy.createOk(accountToken, "read-only", "127.0.0.7").path("value").asText();

        assertThat(viaProxy.exchange("127.0.0.7", token, null).status()).as("the proxy forwards the caller's address").isEqualTo(200);
        assertThat(direct.list(accountToken).body().path(0).path("lastUsedIp").asText()).as("recorded: the caller, not the proxy").isEqualTo("127.0.0.7");
        assertThat(viaProxy.exchange("127.0.0.2", token, null, "X-Forwarded-For: 127.0.0.7").status())
                .as("the proxy overwrites a spoofed header").isEqualTo(400);
        assertThat(direct.exchange("127.0.0.2", token, null, "X-Forwarded-For: 127.0.0.7").status())
                .as("a node ignores the header from an address it does not trust").isEqualTo(400);
    }

    /** Logs in through the proxy (the login pages may be served by either node) and returns the account-console token. */
    private String accountToken(TestUser user) throws IOException, InterruptedException {
        return new AccountConsoleLogin(cluster.proxy(), TestConfig.DEMO_REALM)
                .accessToken(user.username(), user.password());
    }
}
