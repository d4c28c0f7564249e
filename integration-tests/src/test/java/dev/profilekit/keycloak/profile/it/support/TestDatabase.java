package dev.profilekit.keycloak.profile.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Where the test server keeps its data: Keycloak's in-memory H2 ({@code -Dit.db=dev-mem}, the default) or a fresh
 * PostgreSQL database created for this run and dropped after it ({@code -Dit.db=postgres}; server
 * {@code -Dit.db.postgres-url}, default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code -Dit.db.username},
 * default {@code postgres}, password {@code -Dit.db.password}).
 */
public final class TestDatabase {

    private final String kind;
    private final String serverUrl;
    private final String username;
    private final String password;
    private final String name;

    private TestDatabase(String kind, String serverUrl, String username, String password, String purpose) {
        this.kind = kind;
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.username = username;
        this.password = password;
        this.name = "profilekit_" + purpose + "_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
    }

    static TestDatabase fromSystemProperties() {
        String kind = System.getProperty("keycloak.db", "dev-mem");
        if (!kind.equals("dev-mem") && !kind.equals("postgres")) {
            throw new IllegalStateException("it.db must be dev-mem or postgres, not " + kind);
        }
        return new TestDatabase(kind,
                System.getProperty("keycloak.db.postgres-url", "jdbc:postgresql://127.0.0.1:5432/"),
                System.getProperty("keycloak.db.username", "postgres"),
                System.getProperty("keycloak.db.password", "postgres"), "it");
    }

    /**
     * A fresh PostgreSQL database whatever {@code -Dit.db} says (same server and credentials), for tests that need a
     * database shared by several processes (cluster) or kept across restarts (upgrade). {@code purpose} goes into its name.
     */
    public static TestDatabase postgres(String purpose) {
        return new TestDatabase("postgres",
                System.getProperty("keycloak.db.postgres-url", "jdbc:postgresql://127.0.0.1:5432/"),
                System.getProperty("keycloak.db.username", "postgres"),
                System.getProperty("keycloak.db.password", "postgres"), purpose);
    }

    boolean isPostgres() {
        return kind.equals("postgres");
    }

    /** Creates the empty database Keycloak will fill (PostgreSQL only). */
    public void create() {
        if (isPostgres()) {
            execute("CREATE DATABASE " + name);
        }
    }

    /** The {@code kc.sh} options that point Keycloak at this database. */
    public List<String> keycloakOptions() {
        return isPostgres()
                ? List.of("--db=postgres", "--db-url=" + serverUrl + name, "--db-username=" + username, "--db-password=" + password)
                : List.of("--db=dev-mem");
    }

    /** Drops the database of this run (PostgreSQL only). */
    public void drop() {
        if (isPostgres()) {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** A connection to this run's PostgreSQL database, for tests that check rows directly. */
    public Connection connect() throws SQLException {
        if (!isPostgres()) {
            throw new IllegalStateException("only a PostgreSQL test database can be queried directly");
        }
        return DriverManager.getConnection(serverUrl + name, username, password);
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", username, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + serverUrl + ": " + sql + " failed (is it running?)", e);
        }
    }

    @Override
    public String toString() {
        return isPostgres() ? "PostgreSQL database " + name : "in-memory H2";
    }
}
