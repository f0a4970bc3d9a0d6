package dev.landline.blackbox.matrix;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * A PostgreSQL database of its own for each server run, {@code landline_it_<random>}, created before the server
 * starts and dropped after it stopped, in the PostgreSQL the tests may use ({@code landline.it.postgres.url}, default
 * jdbc:postgresql://127.0.0.1:5432/test, user {@code landline.it.postgres.user}, default postgres; trust
 * authentication).
 */
public final class PostgresDatabases {

    static final String MAINTENANCE_URL = System.getProperty("landline.it.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("landline.it.postgres.user", "postgres");
    /** Trust authentication ignores it, but Payara's pool needs a non-empty one; it must never appear in a log. */
    static final String PASSWORD = "it-only-db-password";

    private PostgresDatabases() {
    }

    /** A new, empty database; SQLException when PostgreSQL is unreachable. */
    public static Database create() throws SQLException {
        var name = "landline_it_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        try (var connection = maintenance(); var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        var server = MAINTENANCE_URL.replaceFirst("^(jdbc:postgresql://[^/]+)/.*$", "$1");
        return new Database(Database.Kind.POSTGRES, server + "/" + name, USER, PASSWORD);
    }

    /** Drops it, even while a server that did not let go still holds connections. */
    public static void drop(Database database) throws SQLException {
        var name = database.name();
        if (!name.matches("landline_it_[0-9a-f]+")) {
            throw new IllegalArgumentException("not a test database: " + name);
        }
        try (var connection = maintenance(); var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }

    /** Why PostgreSQL could not be used, without anything secret. */
    public static String unreachable(SQLException e) {
        return "PostgreSQL at " + MAINTENANCE_URL + " is unreachable (" + e.getClass().getSimpleName() + ", SQL state "
                + e.getSQLState() + ": " + e.getMessage() + ")";
    }

    private static Connection maintenance() throws SQLException {
        return DriverManager.getConnection(MAINTENANCE_URL + (MAINTENANCE_URL.contains("?") ? "&" : "?")
                + "connectTimeout=5", USER, PASSWORD);
    }
}
