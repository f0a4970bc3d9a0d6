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
 *   server-keys.properties  landline.seed-key, landline.pin-pepper, a local landline.vonage.signature-secret and
 *                           a local landline.twilio.auth-token, generated once (back this file up!); a webhook
 *                           secret missing from an existing file is added, the other lines are left exactly as they
 *                           are; none is generated that the operator gives as an environment variable
 *   admin-password.txt      the admin password, generated once when LANDLINE_ADMIN_PASSWORD is not set
 *   post-boot-commands.txt  the server configuration Payara Micro applies at every start
 * It never prints a key or a password.
 */
public class PrepareLocalServer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIGNATURE_SECRET = "landline.vonage.signature-secret";
    private static final String TWILIO_TOKEN = "landline.twilio.auth-token";

    /** A webhook secret the run command makes up locally, so webhooks are signed from the first start. */
    private record WebhookSecret(String property, String comment, String reason) {

        /** A new random value: Base64 for Vonage's secret, 32 hex digits (the shape of Twilio's) for Twilio's. */
        String generate() {
            return property.equals(TWILIO_TOKEN) ? randomHex(16) : randomBase64(32);
        }

        /** Given as an environment variable (MicroProfile Config's names for it)? */
        boolean inEnvironment() {
            var underscored = property.replaceAll("[^A-Za-z0-9]", "_");
            for (var name : new String[] {property, underscored, underscored.toUpperCase(java.util.Locale.ROOT)}) {
                var value = System.getenv(name);
                if (value != null && !value.isBlank()) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final WebhookSecret[] WEBHOOK_SECRETS = {
        new WebhookSecret(SIGNATURE_SECRET, "a local Vonage signature secret, added by the run command; replace it"
                + " with your Vonage account's to take real calls", "webhooks are now signed by default"),
        new WebhookSecret(TWILIO_TOKEN, "a local Twilio auth token, added by the run command; replace it with your"
                + " Twilio account's auth token to take real Twilio calls", "Twilio webhooks are signed"),
    };

    public static void main(String[] args) throws IOException {
        var home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home.resolve("db"));
        restrict(home, "rwx------");

        var keys = home.resolve("server-keys.properties");
        if (!Files.exists(keys)) {
            var properties = new Properties();
            properties.setProperty("landline.seed-key", randomBase64(32));
            properties.setProperty("landline.pin-pepper", randomBase64(32));
            for (var secret : WEBHOOK_SECRETS) {
                if (!secret.inEnvironment()) {
                    properties.setProperty(secret.property(), secret.generate());
                }
            }
            write(keys, "");
            try (var out = Files.newOutputStream(keys)) {
                properties.store(out, "Landline Authenticator server keys. Losing them makes every stored seed and"
                        + " PIN unusable: back this file up, apart from the database.");
            }
            System.out.println("[landline] generated new server keys in " + keys);
        } else {
            for (var secret : WEBHOOK_SECRETS) {
                addIfMissing(keys, secret);
            }
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
     * An install from before webhooks were signed by default (or before Twilio): its keys file lacks a webhook
     * secret, and without one those webhooks would be refused. One line is appended; the existing keys, comments and
     * order stay exactly as they are (the file is never rewritten), and the owner-only permissions are kept.
     */
    private static void addIfMissing(Path keys, WebhookSecret secret) throws IOException {
        var properties = new Properties();
        try (var in = Files.newInputStream(keys)) {
            properties.load(in);
        }
        if (properties.getProperty(secret.property()) != null || secret.inEnvironment()) {
            return;
        }
        var text = Files.readString(keys, StandardCharsets.ISO_8859_1);
        var separator = text.isEmpty() || text.endsWith("\n") ? "" : System.lineSeparator();
        Files.writeString(keys, separator + "# " + secret.comment() + System.lineSeparator() + secret.property() + "="
                + secret.generate() + System.lineSeparator(), StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
        restrict(keys, "rw-------");
        System.out.println("[landline] added a local " + secret.property() + " to " + keys + " (" + secret.reason()
                + ")");
    }

    private static String randomHex(int bytes) {
        var buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return java.util.HexFormat.of().formatHex(buffer);
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
