import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Gives the PostgreSQL run of the Arquillian tests (failsafe execution "postgres") a database of its own. Run by
 * Maven with the single-file source launcher and the PostgreSQL driver on the class path (never in the WAR):
 *
 *   create DIR BASE_POST_BOOT_FILE  connects to the maintenance database (default jdbc:postgresql://127.0.0.1:5432/test,
 *                                   user postgres), drops the database a previous build left in DIR (one that died
 *                                   before its drop), creates landline_it_<random> and writes into DIR what Payara
 *                                   Micro's administrator would configure to use it as the default datasource:
 *                                   post-boot-commands.txt (BASE_POST_BOOT_FILE plus a pool), and DIR/postgres.properties
 *                                   (for the tests). PostgreSQL unreachable: available=false and the reason, so those
 *                                   tests skip; with -Dlandline.require.postgres=true it fails.
 *   drop DIR                        drops the database named in DIR/postgres.properties (WITH (FORCE)).
 *
 * System properties: landline.it.postgres.url (the maintenance database), landline.it.postgres.user,
 * landline.require.postgres. (The black-box servers get their databases from the portability matrix's own
 * dev.landline.blackbox.matrix.PostgresDatabases.)
 */
public class PostgresForTests {

    static final String URL = System.getProperty("landline.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("landline.it.postgres.user", "postgres");
    /** Trust authentication ignores it, but Payara's pool needs a non-empty one; it must never appear in a log. */
    static final String PASSWORD = "it-only-db-password";

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[1]);
        Files.createDirectories(dir);
        var file = dir.resolve("postgres.properties");
        switch (args[0]) {
            case "create" -> {
                try {
                    drop(file);
                } catch (SQLException e) {
                    System.out.println("[landline] could not drop the database a previous build left: " + e.getMessage());
                }
                create(dir, file, Path.of(args[2]));
            }
            case "drop" -> drop(file);
            default -> throw new IllegalArgumentException("create or drop, not " + args[0]);
        }
    }

    private static void create(Path dir, Path file, Path basePostBoot) throws IOException {
        var properties = new Properties();
        var name = "landline_it_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        try (var connection = DriverManager.getConnection(URL + (URL.contains("?") ? "&" : "?") + "connectTimeout=5",
                USER, PASSWORD); var statement = connection.createStatement()) {
            statement.execute("create database " + name);
            properties.setProperty("available", "true");
            properties.setProperty("database", name);
        } catch (SQLException e) {
            var reason = "PostgreSQL at " + URL + " is unreachable (" + e.getClass().getSimpleName() + ", SQL state "
                    + e.getSQLState() + ": " + e.getMessage() + ")";
            if (Boolean.getBoolean("landline.require.postgres")) {
                System.err.println("[landline] " + reason + ", and -Dlandline.require.postgres=true: failing.");
                System.exit(1);
            }
            System.out.println("[landline] " + reason + ": the PostgreSQL run of the tests will be skipped.");
            properties.setProperty("available", "false");
            properties.setProperty("reason", reason);
        }
        var host = URL.replaceFirst("^jdbc:postgresql://([^:/]+).*$", "$1");
        var port = URL.matches("^jdbc:postgresql://[^:/]+:(\\d+)/.*$")
                ? URL.replaceFirst("^jdbc:postgresql://[^:/]+:(\\d+)/.*$", "$1") : "5432";
        properties.setProperty("host", host);
        properties.setProperty("port", port);
        properties.setProperty("user", USER);
        try (var out = Files.newOutputStream(file)) {
            properties.store(out, "the PostgreSQL database of this run of the Arquillian tests");
        }
        var database = properties.getProperty("database", "none");
        Files.writeString(dir.resolve("post-boot-commands.txt"), Files.readString(basePostBoot) + String.join("\n",
                "",
                "# The default datasource on this run's own PostgreSQL database (written by PostgresForTests).",
                pool("LandlinePostgres", host, port, database, USER, PASSWORD),
                "set resources.jdbc-resource.jdbc/__default.pool-name=LandlinePostgres",
                ""));
        if (properties.getProperty("available").equals("true")) {
            System.out.println("[landline] created PostgreSQL database " + name + " for this run");
        }
    }

    /**
     * The pool an administrator would define: validated connections, so the pool heals after an outage; short
     * connect, login and socket timeouts and a bounded wait for a free connection, so no request waits long for a
     * database that is gone.
     */
    static String pool(String name, String host, String port, String database, String user, String password) {
        return "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
                + " --restype=javax.sql.DataSource --statementcachesize=64 --isconnectvalidatereq=true"
                + " --validationmethod=custom-validation"
                + " --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation"
                + " --failconnection=true --maxwait=4000"
                + " --property user=" + user + ":password=" + password + ":serverName=" + host + ":portNumber=" + port
                + ":databaseName=" + database + ":connectTimeout=1:loginTimeout=2:socketTimeout=10 " + name;
    }

    private static void drop(Path file) throws IOException, SQLException {
        if (!Files.exists(file)) {
            return;
        }
        var properties = new Properties();
        try (var in = Files.newInputStream(file)) {
            properties.load(in);
        }
        var name = properties.getProperty("database");
        if (name == null || !name.matches("landline_it_[0-9a-f]+")) {
            return;
        }
        try (var connection = DriverManager.getConnection(URL, USER, PASSWORD);
                var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            System.out.println("[landline] dropped PostgreSQL database " + name);
        }
        properties.remove("database");
        properties.setProperty("available", "false");
        properties.setProperty("reason", "the database of this run was dropped after the tests");
        try (var out = Files.newOutputStream(file)) {
            properties.store(out, "dropped");
        }
    }
}
