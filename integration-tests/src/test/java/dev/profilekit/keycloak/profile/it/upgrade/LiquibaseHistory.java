package dev.profilekit.keycloak.profile.it.upgrade;

import dev.profilekit.keycloak.profile.it.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Liquibase recorded in a PostgreSQL test database: every changeSet run, from Keycloak's own
 * {@code databasechangelog} and from the {@code databasechangelog_<id>} table of each JPA entity provider (Profile
 * Kit's changelogs), and the columns of a table.
 */
final class LiquibaseHistory {

    private LiquibaseHistory() {
    }

    /**
     * One changeSet run as recorded; a changeSet that runs again gets a new {@code executedAt}/{@code order}.
     *
     * @param table the changelog table it is recorded in
     */
    record Run(String table, String id, String author, String file, String executedAt, int order, String checksum) {
    }

    /** Every changeSet run recorded in {@code database}, by table and execution order. */
    static List<Run> runs(TestDatabase database) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (Connection connection = database.connect()) {
            for (String table : changelogTables(connection)) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT id, author, filename, dateexecuted, orderexecuted, md5sum FROM "
                             + table + " ORDER BY orderexecuted, id")) {
                    while (rows.next()) {
                        runs.add(new Run(table, rows.getString(1), rows.getString(2), rows.getString(3), rows.getTimestamp(4).toString(),
                                rows.getInt(5), rows.getString(6)));
                    }
                }
            }
        }
        return runs;
    }

    /** The columns of {@code table} (lower case, as PostgreSQL keeps unquoted names) with their data types. */
    static Map<String, String> columns(TestDatabase database, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?"
                             + " ORDER BY ordinal_position")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return columns;
    }

    private static List<String> changelogTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                     + " AND table_name LIKE 'databasechangelog%' AND table_name NOT LIKE 'databasechangeloglock%' ORDER BY table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
