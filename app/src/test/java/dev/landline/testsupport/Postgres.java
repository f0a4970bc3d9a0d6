package dev.landline.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the tests may use (default jdbc:postgresql://127.0.0.1:5432/test, user postgres, trust
 * authentication) and the throwaway databases they create in it, each named {@code landline_it_<random>} so that
 * parallel runs never collide. Unreachable: the test skips with the reason, or fails when
 * {@code -Dlandline.require.postgres=true} (CI).
 */
public final class Postgres {

    public static final String MAINTENANCE_URL = System.getProperty("landline.it.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("landline.it.postgres.user", "postgres");
    /** Trust authentication ignores it; Payara's pool needs a non-empty one. Must never appear in a log. */
    public static final String PASSWORD = "it-only-db-password";
    public static final String REQUIRED = "landline.require.postgres";

    private Postgres() {
    }

    /** Skips the calling test (or fails it when PostgreSQL is required) unless PostgreSQL answers. */
    public static void assumeReachable() {
        unreachable().ifPresent(Postgres::skipOrFail);
    }

    public static void skipOrFail(String reason) {
        if (Boolean.getBoolean(REQUIRED)) {
            fail(reason + ", and -D" + REQUIRED + "=true");
        }
        Assumptions.abort(reason + ": skipped (-D" + REQUIRED + "=true makes this a failure)");
    }

    public static Optional<String> unreachable() {
        try (var connection = maintenance()) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("PostgreSQL at " + MAINTENANCE_URL + " is unreachable (" + e.getClass().getSimpleName()
                    + ", SQL state " + e.getSQLState() + ")");
        }
    }

    /** A new, empty database of this test's own. */
    public static Database create() throws SQLException {
        var name = "landline_it_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        try (var connection = maintenance(); var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return new Database(name);
    }

    /** What the Arquillian PostgreSQL run was given (see src/test/postgres/PostgresForTests.java), if this is it. */
    public static Optional<Properties> thisRun() {
        var file = System.getProperty("landline.it.postgres");
        if (file == null) {
            return Optional.empty();
        }
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            properties.load(in);
        } catch (IOException e) {
            properties.setProperty("available", "false");
            properties.setProperty("reason", "no database was prepared for this run (" + file + ": " + e + ")");
        }
        return Optional.of(properties);
    }

    private static Connection maintenance() throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(MAINTENANCE_URL, properties);
    }

    /** One throwaway database; {@link #drop()} removes it even while servers are still connected. */
    public record Database(String name) implements AutoCloseable {

        public String host() {
            return MAINTENANCE_URL.replaceFirst("^jdbc:postgresql://([^:/]+).*$", "$1");
        }

        public int port() {
            var m = java.util.regex.Pattern.compile("^jdbc:postgresql://[^:/]+:(\\d+)/.*$").matcher(MAINTENANCE_URL);
            return m.matches() ? Integer.parseInt(m.group(1)) : 5432;
        }

        public String url() {
            return "jdbc:postgresql://" + host() + ":" + port() + "/" + name;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url(), USER, PASSWORD);
        }

        /** The Payara Micro post-boot commands that make this database the default datasource. */
        public String payaraPool(String host, int port) {
            return payaraPool(host, port, PASSWORD);
        }

        /**
         * The same, the way docs/deploying-payara-micro.md ("PostgreSQL on Payara Micro") tells an administrator:
         * the password in a Payara password alias, created at boot from an owner-only file, and only
         * {@code ${ALIAS=…}} in the server configuration.
         */
        public String payaraPoolWithPasswordAlias(String host, int port, Path dir) throws IOException {
            var file = dir.resolve("db-alias.pw");
            Files.writeString(file, "AS_ADMIN_ALIASPASSWORD=" + PASSWORD + "\n");
            return "create-password-alias --passwordfile " + file + " landline-db-password\n"
                    + payaraPool(host, port, "${ALIAS=landline-db-password}");
        }

        private String payaraPool(String host, int port, String password) {
            return String.join("\n",
                    "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
                            + " --restype=javax.sql.DataSource --statementcachesize=64 --isconnectvalidatereq=true"
                            + " --validationmethod=custom-validation"
                            + " --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation"
                            + " --failconnection=true --maxwait=4000 --property user=" + USER + ":password="
                            + password + ":serverName=" + host + ":portNumber=" + port + ":databaseName=" + name
                            + ":connectTimeout=1:loginTimeout=2:socketTimeout=10"
                            + " LandlinePostgres",
                    "set resources.jdbc-resource.jdbc/__default.pool-name=LandlinePostgres", "");
        }

        public void drop() throws SQLException {
            try (var connection = maintenance(); var statement = connection.createStatement()) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        }

        @Override
        public void close() throws SQLException {
            drop();
        }
    }
}
