import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Prepares a local Payara Micro for the run command (`mvn -Prun package`), like an administrator would:
 * run by Maven with the single-file source launcher, so it needs nothing but the JDK.
 *
 * In LANDLINE_HOME (argument 1) it keeps, readable by the owner only:
 *   db/                     the embedded H2 database (survives restarts)
 *   server-keys.properties  landline.seed-key, landline.pin-pepper and a local landline.vonage.signature-secret,
 *                           generated once (back this file up!); a key missing from an existing file is added,
 *                           the others are left exactly as they are
 *   admin-password.txt      the admin password, generated once when LANDLINE_ADMIN_PASSWORD is not set
 *   post-boot-commands.txt  the server configuration Payara Micro applies at every start
 * It never prints a key or a password.
 */
public class PrepareLocalServer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIGNATURE_SECRET = "landline.vonage.signature-secret";

    public static void main(String[] args) throws IOException {
        var home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home.resolve("db"));
        restrict(home, "rwx------");

        var keys = home.resolve("server-keys.properties");
        if (!Files.exists(keys)) {
            var properties = new Properties();
            properties.setProperty("landline.seed-key", randomBase64(32));
            properties.setProperty("landline.pin-pepper", randomBase64(32));
            if (!signatureSecretInEnvironment()) {
                properties.setProperty(SIGNATURE_SECRET, randomBase64(32));
            }
            write(keys, "");
            try (var out = Files.newOutputStream(keys)) {
                properties.store(out, "Landline Authenticator server keys. Losing them makes every stored seed and"
                        + " PIN unusable: back this file up, apart from the database.");
            }
            System.out.println("[landline] generated new server keys in " + keys);
        } else {
            addSignatureSecretIfMissing(keys);
        }

        var password = System.getenv("LANDLINE_ADMIN_PASSWORD");
        var passwordFile = home.resolve("admin-password.txt");
        if (password == null || password.isBlank()) {
            if (!Files.exists(passwordFile)) {
                write(passwordFile, randomBase64(18).replace('/', 'x').replace('+', 'y') + "\n");
                System.out.println("[landline] LANDLINE_ADMIN_PASSWORD is not set: generated an admin password,"
                        + " read it from " + passwordFile);
            } else {
                System.out.println("[landline] admin password: from " + passwordFile);
            }
            password = Files.readString(passwordFile).strip();
        } else {
            System.out.println("[landline] admin password: from LANDLINE_ADMIN_PASSWORD");
        }
        var asadminPasswords = home.resolve("admin.asadmin-passwords");
        write(asadminPasswords, "AS_ADMIN_USERPASSWORD=" + password + "\n");

        var url = "jdbc:h2:" + home.resolve("db").resolve("landline");
        write(home.resolve("post-boot-commands.txt"), String.join("\n",
                "# Written by PrepareLocalServer at each start of the run command.",
                // a statement cache per connection, and H2's cache of parsed statements above its 8: the answer
                // webhook runs more distinct statements than that (docs/benchmarks.md)
                "create-jdbc-connection-pool --statementcachesize 64 --maxwait 4000"
                        + " --datasourceclassname org.h2.jdbcx.JdbcDataSource"
                        + " --restype javax.sql.DataSource --property user=sa:password=landline:URL="
                        + url.replace(":", "\\:") + ";QUERY_CACHE_SIZE\\=64 LandlinePool",
                "set resources.jdbc-resource.jdbc/__default.pool-name=LandlinePool",
                "create-file-user --groups admin --passwordfile " + asadminPasswords + " admin",
                ""));
        System.out.println("[landline] data directory: " + home);
    }

    /**
     * An install from before webhooks were signed by default: its keys file has no signature secret, and without
     * one every webhook would now be refused. One line is appended; the existing keys, comments and order stay
     * exactly as they are (the file is never rewritten), and the owner-only permissions are kept.
     */
    private static void addSignatureSecretIfMissing(Path keys) throws IOException {
        var properties = new Properties();
        try (var in = Files.newInputStream(keys)) {
            properties.load(in);
        }
        if (properties.getProperty(SIGNATURE_SECRET) != null || signatureSecretInEnvironment()) {
            return;
        }
        var text = Files.readString(keys, StandardCharsets.ISO_8859_1);
        var separator = text.isEmpty() || text.endsWith("\n") ? "" : System.lineSeparator();
        Files.writeString(keys, separator + "# a local Vonage signature secret, added by the run command; replace it"
                + " with your Vonage account's to take real calls" + System.lineSeparator() + SIGNATURE_SECRET + "="
                + randomBase64(32) + System.lineSeparator(), StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
        restrict(keys, "rw-------");
        System.out.println("[landline] added a local " + SIGNATURE_SECRET + " to " + keys
                + " (webhooks are now signed by default)");
    }

    /**
     * The operator gives the secret as an environment variable (MicroProfile Config's names for it): a generated
     * one in the keys file would become a system property and win over it, so none is generated.
     */
    private static boolean signatureSecretInEnvironment() {
        for (var name : new String[] {SIGNATURE_SECRET, "landline_vonage_signature_secret",
                "LANDLINE_VONAGE_SIGNATURE_SECRET"}) {
            var value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static String randomBase64(int bytes) {
        var buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getEncoder().encodeToString(buffer);
    }

    private static void write(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        restrict(file, "rw-------");
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the operator protects the directory
        }
    }
}
