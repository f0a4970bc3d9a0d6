package dev.landline.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testsupport.Postgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upgrading a database that is in use: migrate an empty database to an older version, fill it with the data of
 * that time ({@code src/test/resources/db/upgrade/V<n>__data.sql}, each loaded right after migrating to version
 * n), then apply the remaining migrations as the application does at startup. Nothing may be lost: every row of
 * every table is still there with the same values in the columns it had. Always from the migration before the
 * newest, and from every older version that has data of its own, so a data migration (V2 fills
 * {@code pin_guard} for existing callers) is exercised too. On H2 (the embedded default) always; on PostgreSQL
 * when it is reachable (skips, or fails with -Dlandline.require.postgres=true).
 */
class SchemaUpgradeTest {

    private static final String MIGRATIONS = "classpath:db/migration";
    private static final List<Integer> DATA_VERSIONS = dataVersions();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void upgradingFromAnOlderSchemaWithDataLosesNothing(String database) throws Exception {
        if (database.equals("PostgreSQL")) {
            Postgres.assumeReachable();
        }
        var versions = migrations();
        int newest = versions.get(versions.size() - 1);
        assertTrue(versions.size() >= 2, "there is something to upgrade");
        var starts = new TreeSet<Integer>();
        starts.add(versions.get(versions.size() - 2));
        DATA_VERSIONS.stream().filter(v -> v < newest).forEach(starts::add);
        for (int start : starts) {
            try (var db = Db.create(database)) {
                upgradeFrom(start, newest, db);
            }
        }
    }

    private void upgradeFrom(int start, int newest, Db db) throws Exception {
        for (int version : migrations()) {
            if (version > start) {
                break;
            }
            flyway(db).target(MigrationVersion.fromVersion(String.valueOf(version))).load().migrate();
            if (DATA_VERSIONS.contains(version)) {
                execute(db, data(version));
            }
        }
        Map<String, List<Map<String, String>>> before;
        try (var connection = db.connect()) {
            before = snapshot(connection);
        }
        assertFalse(before.getOrDefault("caller", List.of()).isEmpty(), "the version " + start + " schema has data");

        var result = flyway(db).load().migrate();
        assertTrue(result.success, "the remaining migrations applied");
        assertEquals(String.valueOf(newest), flyway(db).load().info().current().getVersion().getVersion(),
                "from version " + start + " to the newest");

        try (var connection = db.connect()) {
            var after = snapshot(connection);
            for (var table : before.entrySet()) {
                assertTrue(after.containsKey(table.getKey()), "table " + table.getKey() + " is still there");
                var columns = table.getValue().isEmpty() ? List.<String>of()
                        : List.copyOf(table.getValue().get(0).keySet());
                var remaining = new ArrayList<Map<String, String>>();
                for (var row : after.get(table.getKey())) {
                    var projected = new LinkedHashMap<String, String>();
                    columns.forEach(c -> projected.put(c, row.get(c)));
                    remaining.add(projected);
                }
                for (var row : table.getValue()) {
                    assertTrue(remaining.remove(row), () -> db.kind + ", from version " + start + ": a row of "
                            + table.getKey() + " was lost or changed by the upgrade: " + row);
                }
            }
            if (start < 2) {
                // V2's data migration: every caller of version 1 got a ledger with no failures counted
                var guards = after.get("pin_guard");
                for (var caller : before.get("caller")) {
                    assertTrue(guards.stream().anyMatch(g -> g.get("caller_id").equals(caller.get("id"))
                            && g.get("failures").equals("0")), "caller " + caller.get("id") + " has a pin_guard row");
                }
            }
            if (start >= 5) {
                // V6: every wrong PIN stored before was checked, so it still counts (pending is only a charge's)
                try (var statement = connection.createStatement();
                        var rs = statement.executeQuery("select count(*) from pin_failure where evaluated = false")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "stored wrong PINs stay wrong PINs");
                }
            }
            // the sequences were not reset: new rows get new ids
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery(db.nextValue("caller_seq"))) {
                rs.next();
                assertTrue(rs.getLong(1) >= 100, "caller_seq continues after the stored ids");
            }
        }
    }

    private static Map<String, List<Map<String, String>>> snapshot(Connection connection) throws SQLException {
        var tables = new ArrayList<String>();
        try (var rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                var schema = rs.getString("TABLE_SCHEM");
                var name = rs.getString("TABLE_NAME").toLowerCase();
                if (schema != null && schema.equalsIgnoreCase("public") && !name.equals("flyway_schema_history")) {
                    tables.add(name);
                }
            }
        }
        var snapshot = new TreeMap<String, List<Map<String, String>>>();
        for (var table : tables) {
            var rows = new ArrayList<Map<String, String>>();
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery("select * from " + table)) {
                var meta = rs.getMetaData();
                while (rs.next()) {
                    var row = new LinkedHashMap<String, String>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        var value = rs.getObject(i);
                        row.put(meta.getColumnLabel(i).toLowerCase(), value == null ? null : value.toString());
                    }
                    rows.add(row);
                }
            }
            snapshot.put(table, rows);
        }
        return snapshot;
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(Db db) {
        return Flyway.configure(SchemaUpgradeTest.class.getClassLoader()).dataSource(db.url, db.user, db.password)
                .locations(MIGRATIONS);
    }

    /** The versions of the migrations, in order (numbers may be left out: each part of the work has its own). */
    private static List<Integer> migrations() {
        try (var db = Db.create("H2")) {
            return java.util.Arrays.stream(flyway(db).load().info().all())
                    .map(m -> Integer.parseInt(m.getVersion().getVersion())).sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> dataVersions() {
        var versions = new ArrayList<Integer>();
        for (int v = 1; v < 100; v++) {
            if (SchemaUpgradeTest.class.getResource("/db/upgrade/V" + v + "__data.sql") != null) {
                versions.add(v);
            }
        }
        return versions;
    }

    private static String data(int version) throws IOException {
        try (InputStream in = SchemaUpgradeTest.class.getResourceAsStream("/db/upgrade/V" + version + "__data.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void execute(Db db, String script) throws SQLException {
        var withoutComments = script.replaceAll("(?m)^\\s*--.*$", "");
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            for (var sql : withoutComments.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    /** An empty database of this test's own: in-memory H2, or a throwaway PostgreSQL database. */
    private static final class Db implements AutoCloseable {
        final String kind;
        final String url;
        final String user;
        final String password;
        private final Postgres.Database postgres;
        private final Connection keepAlive;

        private Db(String kind, String url, String user, String password, Postgres.Database postgres)
                throws SQLException {
            this.kind = kind;
            this.url = url;
            this.user = user;
            this.password = password;
            this.postgres = postgres;
            this.keepAlive = postgres == null ? DriverManager.getConnection(url, user, password) : null;
        }

        static Db create(String kind) throws SQLException {
            if (kind.equals("H2")) {
                return new Db(kind, "jdbc:h2:mem:upgrade_" + UUID.randomUUID().toString().replace("-", ""), "sa", "",
                        null);
            }
            var database = Postgres.create();
            return new Db(kind, database.url(), Postgres.USER, Postgres.PASSWORD, database);
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        String nextValue(String sequence) {
            return postgres == null ? "select next value for " + sequence : "select nextval('" + sequence + "')";
        }

        @Override
        public void close() throws SQLException {
            if (keepAlive != null) {
                keepAlive.close();
            }
            if (postgres != null) {
                postgres.drop();
            }
        }
    }
}
