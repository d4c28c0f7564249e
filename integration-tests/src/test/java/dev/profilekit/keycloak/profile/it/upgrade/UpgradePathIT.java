package dev.profilekit.keycloak.profile.it.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profilekit.keycloak.profile.it.apitoken.ApiTokenApi;
import dev.profilekit.keycloak.profile.it.avatar.AvatarApi;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import dev.profilekit.keycloak.profile.it.support.AccountConsoleLogin;
import dev.profilekit.keycloak.profile.it.support.KeycloakHome;
import dev.profilekit.keycloak.profile.it.support.KeycloakProcess;
import dev.profilekit.keycloak.profile.it.support.KeycloakServer;
import dev.profilekit.keycloak.profile.it.support.KeycloakAddress;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import dev.profilekit.keycloak.profile.it.support.TestDatabase;
import dev.profilekit.keycloak.profile.it.support.TestUsers;
import dev.profilekit.keycloak.profile.it.support.TestUsers.TestUser;
import dev.profilekit.keycloak.profile.it.support.TokenEndpoint;
import dev.profilekit.keycloak.profile.it.upgrade.LiquibaseHistory.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * Issue 8, the upgrade path: the previous release ({@link PreviousRelease}) fills a fresh PostgreSQL database through
 * its own REST API (a user, an app password and an API token, each used once), then this build's providers start on
 * the same database. Only the new Liquibase changeSets run, and none on a second start; the old secrets keep working
 * with their recorded last use; the new features work on the upgraded data.
 *
 * <p>Always on PostgreSQL whatever {@code -Dit.db} says, so it runs only in the {@code -Dit.db=postgres} run (a plain
 * {@code ./mvnw verify} needs no PostgreSQL). Its own Keycloak runs on
 * {@code -Dit.upgrade.http-port} / {@code -Dit.upgrade.management-port}; the previous release's build (kept for the
 * next run) and the servers' logs stay in {@code integration-tests/target/upgrade/}, the two Keycloak homes are deleted.
 */
@EnabledIfSystemProperty(named = "keycloak.db", matches = "postgres", disabledReason = "needs PostgreSQL: runs with -Dit.db=postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradePathIT {

    private static final String APP_PASSWORDS = "app-passwords";
    /** The demo realm's client that accepts app passwords only. */
    private static final String MAIL_CLIENT = "mail";
    /** The API token's allow-list: every loopback address, so that uses from 127.0.0.1 and 127.0.0.2 both pass. */
    private static final String LOOPBACK = "127.0.0.0/8";
    private static final String NEW_IP_DETAIL = "new_ip";

    private final Path work = Path.of(TestConfig.require("upgrade.work-dir"));
    private final int httpPort = Integer.parseInt(TestConfig.require("keycloak.upgrade.http-port"));
    private final int managementPort = Integer.parseInt(TestConfig.require("keycloak.upgrade.management-port"));
    private final TestDatabase database = TestDatabase.postgres("upgrade");

    private Stored stored;
    private List<Run> changeSetsOfThePreviousRelease;
    private Instant upgradedAt;
    private Path currentHome;
    private KeycloakProcess current;
    private Keycloak admin;

    /** What the user stored through the previous release, each secret used once. */
    private record Stored(TestUser user, String appPassword, JsonNode appPasswordListed, String apiToken, JsonNode apiTokenListed) {
    }

    @BeforeAll
    void upgradeADatabaseOfThePreviousRelease() throws Exception {
        Files.createDirectories(work);
        PreviousRelease previous = PreviousRelease.build(TestConfig.projectRoot(), work);
        database.create();
        Path previousHome = KeycloakHome.copy(work.resolve("previous-home"));
        // the previous release with the current theme: its realm names the same theme, and these tests use no page it lacks
        KeycloakHome.replaceProviders(previousHome, List.of(previous.providersJar(), KeycloakHome.distribution().resolve("providers/profilekit-theme.jar")));
        KeycloakHome.importRealm(previousHome, previous.demoRealm());
        KeycloakProcess old = start(previousHome, "previous");
        try {
            stored = storeAndUse(old);
        } finally {
            old.stop();
            KeycloakHome.deleteRecursively(previousHome);
        }
        changeSetsOfThePreviousRelease = LiquibaseHistory.runs(database);

        upgradedAt = Instant.now();
        currentHome = KeycloakHome.copy(work.resolve("current-home"));
        KeycloakHome.importRealm(currentHome, TestConfig.demoRealmFile());
        current = start(currentHome, "current");
        admin = adminClient(current);
    }

    @AfterAll
    void stopAndCleanUp() {
        try {
            if (admin != null) {
                admin.close();
            }
            if (current != null) {
                current.stop();
            }
        } finally {
            database.drop();
        }
        if (currentHome != null) {
            KeycloakHome.deleteRecursively(currentHome);
        }
    }

    @Test
    @Order(1)
    void onlyTheNewChangeSetsRan() throws Exception {
        assertThat(changeSetsOfThePreviousRelease).extracting(Run::id)
                .contains("profilekit-api-token-1")
                .doesNotContain("profilekit-api-token-2", "profilekit-avatar-1", "profilekit-credential-usage-1");

        List<Run> upgraded = LiquibaseHistory.runs(database);

        assertThat(upgraded).as("no changeSet of the previous release ran again").containsAll(changeSetsOfThePreviousRelease);
        assertThat(newRuns(changeSetsOfThePreviousRelease, upgraded)).extracting(Run::table, Run::id).containsExactlyInAnyOrder(
                tuple("databasechangelog_api_token_", "profilekit-api-token-2"),
                tuple("databasechangelog_avatar_jpa", "profilekit-avatar-1"),
                tuple("databasechangelog_credential", "profilekit-credential-usage-1"),
                tuple("databasechangelog_credential", "profilekit-credential-usage-2"));
        assertThat(LiquibaseHistory.columns(database, "profilekit_api_token")).containsKeys("known_ips", "expiry_notice_at");
        assertThat(LiquibaseHistory.columns(database, "profilekit_avatar")).containsEntry("image", "bytea");
        assertThat(LiquibaseHistory.columns(database, "profilekit_credential_usage")).containsKeys("credential_id", "last_used_at", "known_ips");
    }

    @Test
    @Order(2)
    void theOldAppPasswordSignsInAndKeepsItsLastUse() throws Exception {
        JsonNode listed = AccountApi.logIn(current, stored.user()).get(APP_PASSWORDS).body();

        assertThat(listed).as("credential data of the previous release, without the known-IP list").hasSize(1);
        assertThat(listed.get(0)).isEqualTo(stored.appPasswordListed());
        assertThat(new TokenEndpoint(current).passwordGrant(MAIL_CLIENT, stored.user().username(), stored.appPassword()).granted()).isTrue();
        EventRepresentation login = lastEvent("LOGIN");
        assertThat(login.getClientId()).isEqualTo(MAIL_CLIENT);
        assertThat(login.getDetails()).as("the address of the last use before the upgrade counts as known")
                .doesNotContainKey(NEW_IP_DETAIL);
    }

    @Test
    @Order(3)
    void theOldApiTokenExchangesAndIntrospectsAndKeepsItsLastUse() throws Exception {
        ApiTokenApi api = new ApiTokenApi(current);
        JsonNode listed = api.list(accountToken(current, stored.user())).body();

        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).isEqualTo(stored.apiTokenListed());
        ApiTokenApi.Answer exchanged = api.exchange("127.0.0.1", stored.apiToken(), null);
        assertThat(exchanged.status()).as(exchanged.body().toString()).isEqualTo(200);
        assertThat(exchanged.text("access_token")).isNotBlank();
        assertThat(lastEvent("OAUTH2_EXTENSION_GRANT").getDetails()).as("the address of the last use before the upgrade counts as known")
                .doesNotContainKey(NEW_IP_DETAIL);
        JsonNode introspected = api.introspect(stored.apiToken(), "api_token").body();
        assertThat(introspected.path("active").asBoolean()).as(introspected.toString()).isTrue();
        assertThat(introspected.path("sub").asText()).isEqualTo(stored.user().id());
        assertThat(introspected.path("exp").asLong()).isEqualTo(Instant.parse(stored.apiTokenListed().get("expiresAt").asText()).getEpochSecond());
    }

    @Test
    @Order(4)
    void newFeaturesWorkOnTheUpgradedData() throws Exception {
        ApiTokenApi api = new ApiTokenApi(current);
        String tokenId = stored.apiTokenListed().get("id").asText();
        assertThat(knownIpsOfApiToken(tokenId)).as("not recorded before").isNull();

        assertThat(api.exchange("127.0.0.2", stored.apiToken(), null).status()).isEqualTo(200);

        assertThat(lastEvent("OAUTH2_EXTENSION_GRANT").getDetails()).containsEntry(NEW_IP_DETAIL, "true");
        assertThat(knownIpsOfApiToken(tokenId)).isEqualTo("127.0.0.2,127.0.0.1");
        String accountToken = accountToken(current, stored.user());
        assertThat(api.list(accountToken).body().get(0).get("lastUsedIp").asText()).isEqualTo("127.0.0.2");

        AvatarApi.Answer uploaded = new AvatarApi(current).upload(accountToken, AvatarApi.png(320, 240), "image/png");
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(200);
        assertThat(AvatarApi.image(uploaded.text("picture"), null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void aRestartRunsNoChangeSetAndLogsNoError() throws Exception {
        List<Run> beforeRestart = LiquibaseHistory.runs(database);
        Path firstLog = current.log();
        admin.close();
        current.stop();

        current = start(currentHome, "current-restart");
        admin = adminClient(current);

        assertThat(LiquibaseHistory.runs(database)).isEqualTo(beforeRestart);
        assertThat(errors(firstLog)).as("errors in " + firstLog).isEmpty();
        assertThat(errors(current.log())).as("errors in " + current.log()).isEmpty();
        assertThat(new ApiTokenApi(current).introspect(stored.apiToken(), "api_token").body().path("active").asBoolean()).isTrue();
    }

    /** Through the previous release's REST API: a user with an app password and an API token, each used once. */
    private static Stored storeAndUse(KeycloakProcess old) throws IOException, InterruptedException {
        TestUser user;
        try (Keycloak oldAdmin = adminClient(old)) {
            user = new TestUsers(oldAdmin).create("upgrade");
        }
        AccountApi account = AccountApi.logIn(old, user);
        String appPassword = account.post(APP_PASSWORDS, Map.of("name", "Mail on the old release", "clientId", MAIL_CLIENT))
                .body().get("password").asText();
        assertThat(new TokenEndpoint(old).passwordGrant(MAIL_CLIENT, user.username(), appPassword).granted()).isTrue();

        ApiTokenApi tokens = new ApiTokenApi(old);
        String accountToken = accountToken(old, user);
        ApiTokenApi.Answer created = tokens.create(accountToken, Map.of("name", "ci on the old release", "scope", "read-only",
                "allowList", LOOPBACK, "expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String apiToken = created.text("value");
        assertThat(tokens.exchange("127.0.0.1", apiToken, null).status()).isEqualTo(200);

        JsonNode appPasswordListed = account.get(APP_PASSWORDS).body().get(0);
        JsonNode apiTokenListed = tokens.list(accountToken).body().get(0);
        assertThat(appPasswordListed.hasNonNull("lastUsedAt")).isTrue();
        assertThat(apiTokenListed.get("lastUsedIp").asText()).isEqualTo("127.0.0.1");
        return new Stored(user, appPassword, appPasswordListed, apiToken, apiTokenListed);
    }

    private KeycloakProcess start(Path home, String logName) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(KeycloakServer.startDevArguments(httpPort, managementPort));
        arguments.add("--log-level=INFO,dev.profilekit:debug");
        arguments.addAll(database.keycloakOptions());
        Path log = work.resolve(logName + ".log");
        Files.deleteIfExists(log);
        return KeycloakProcess.start(home, arguments, Map.of(), log);
    }

    private static Keycloak adminClient(KeycloakAddress server) {
        return Keycloak.getInstance(server.baseUrl(), "master", KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD, "admin-cli");
    }

    private static String accountToken(KeycloakAddress server, TestUser user) throws IOException, InterruptedException {
        return new AccountConsoleLogin(server, TestConfig.DEMO_REALM).accessToken(user.username(), user.password());
    }

    /** The stored user's latest event of {@code type}, which must have happened on the upgraded server. */
    private EventRepresentation lastEvent(String type) {
        List<EventRepresentation> events = admin.realm(TestConfig.DEMO_REALM).getEvents(List.of(type), null, stored.user().id(), null, null, null, 0, 1);
        assertThat(events).as(type + " events").isNotEmpty();
        assertThat(Instant.ofEpochMilli(events.get(0).getTime())).isAfter(upgradedAt);
        return events.get(0);
    }

    private String knownIpsOfApiToken(String id) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("SELECT known_ips FROM profilekit_api_token WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("API token " + id + " stored").isTrue();
                return row.getString(1);
            }
        }
    }

    private static List<Run> newRuns(List<Run> before, List<Run> after) {
        return after.stream().filter(run -> !before.contains(run)).toList();
    }

    private static List<String> errors(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(" ERROR [")).toList();
        }
    }
}
