import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
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
        if (args.length >= 4) {
            // the run command passes Payara Micro, the WAR and the pre-boot commands: the start's class-data archive
            ClassDataArchive.prepare(home, Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        }
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

/**
 * Class-data sharing for the run command's starts (docs/deploying-payara-micro.md, "Start time"): Payara Micro's
 * launcher over its unpacked runtime jars in LANDLINE_HOME/startup/KEY (so it does not unpack itself to a new temporary
 * directory at every start), and a dynamic AppCDS archive of the classes one start of this WAR loads, made once by a
 * training start (--warmup: deploy, then stop). KEY is a hash of what Payara Micro and the WAR hold and of the JVM,
 * so a changed WAR or Payara gets a new archive (a rebuild of the same sources keeps it). Each start gets the launcher directory's configuration as Payara made it (no state carried over
 * from the last start: the pre-/post-boot commands apply afresh). Whatever fails, the start goes on without an archive:
 * the java argument file it writes then names payara-micro.jar, as before. LANDLINE_CLASS_ARCHIVE=off switches it off.
 */
class ClassDataArchive {

    private static final String PRISTINE = "config.pristine";

    static void prepare(Path home, Path payara, Path war, Path preBoot) throws IOException {
        var launch = new java.util.ArrayList<>(NativeHeapTrim.option());
        launch.addAll(launch(home, payara, war, preBoot));
        Files.write(home.resolve("launch.args"), launch);
    }

    /** The java arguments that start Payara Micro: from the archive and launcher, or plain -jar payara-micro.jar. */
    private static List<String> launch(Path home, Path payara, Path war, Path preBoot) throws IOException {
        var plain = List.of("-jar", payara.toAbsolutePath().toString());
        if ("off".equalsIgnoreCase(System.getenv("LANDLINE_CLASS_ARCHIVE"))) {
            System.out.println("[landline] class-data archive: off (LANDLINE_CLASS_ARCHIVE=off)");
            return plain;
        }
        var startup = home.resolve("startup");
        try {
            var key = key(payara, war);
            var root = startup.resolve(key);
            Files.createDirectories(startup);
            removeOthers(startup, key);
            var launcher = root.resolve("launch-micro.jar");
            if (!Files.exists(launcher) || !Files.isDirectory(root.resolve(PRISTINE))) {
                deleteRecursively(root);
                run(List.of(java(), "-jar", payara.toString(), "--rootdir", root.toString(), "--outputlauncher"),
                        startup.resolve("launcher.log"), 120);
                if (!Files.exists(launcher)) {
                    throw new IOException("Payara Micro made no launcher (see " + startup.resolve("launcher.log") + ")");
                }
                copyRecursively(root.resolve("config"), root.resolve(PRISTINE));
            }
            var archive = root.resolve("app.jsa");
            var failed = root.resolve("training-failed");
            if (!Files.exists(archive) && !Files.exists(failed)) {
                System.out.println("[landline] class-data archive: one training start of this WAR (once per build,"
                        + " about a minute) ...");
                reset(root);
                var log = startup.resolve("training.log");
                int port;
                try (var socket = new java.net.ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                var training = root.resolve("app.jsa.part");
                int rc = run(List.of(java(), "-Xmx256m", "-XX:ArchiveClassesAtExit=" + training, "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off", "-Dh2.bindAddress=127.0.0.1", "-Djava.awt.headless=true", "-jar",
                        launcher.toString(), "--nocluster", "--deploy", war.toString(), "--contextroot", "/", "--port",
                        Integer.toString(port), "--prebootcommandfile", preBoot.toString(), "--postbootcommandfile",
                        home.resolve("post-boot-commands.txt").toString(), "--systemproperties",
                        home.resolve("server-keys.properties").toString(), "--warmup"), log, 300);
                if (rc == 0 && Files.exists(training)) {
                    Files.move(training, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(training);
                    Files.writeString(failed, "exit " + rc + "\n");
                    System.out.println("[landline] class-data archive: the training start failed (exit " + rc
                            + ", see " + log + "); starting without an archive until the WAR or Payara changes");
                }
            }
            reset(root);
            if (!Files.exists(archive)) {
                return plain;
            }
            System.out.println("[landline] class-data archive: " + archive);
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar",
                    launcher.toString());
        } catch (IOException | RuntimeException e) {
            System.out.println("[landline] class-data archive: not used (" + e.getMessage() + "); starting from "
                    + payara);
            return plain;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return plain;
        }
    }

    /** Payara Micro's configuration as it unpacked it, and no deployment or generated files from an earlier start. */
    private static void reset(Path root) throws IOException {
        for (var dir : List.of("applications", "autodeploy", "generated", "logs", "config", "lib/warlibs")) {
            deleteRecursively(root.resolve(dir));
        }
        copyRecursively(root.resolve(PRISTINE), root.resolve("config"));
    }

    private static String key(Path payara, Path war) throws IOException {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            // what each archive holds (names, sizes, CRCs), not its bytes: a rebuilt WAR with the same content keeps
            // its archive, although the WAR's file times (and so its bytes) change at every build
            for (var file : List.of(payara, war)) {
                try (var zip = new java.util.zip.ZipFile(file.toFile())) {
                    for (var entries = zip.entries(); entries.hasMoreElements();) {
                        var entry = entries.nextElement();
                        digest.update((entry.getName() + '\0' + entry.getSize() + '\0' + entry.getCrc() + '\n')
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            digest.update((System.getProperty("java.home") + Runtime.version()).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Archives of earlier builds (about 200 MB each with their runtime) go. */
    private static void removeOthers(Path startup, String key) throws IOException {
        try (var entries = Files.list(startup)) {
            for (var dir : entries.filter(Files::isDirectory).toList()) {
                if (!dir.getFileName().toString().equals(key)) {
                    deleteRecursively(dir);
                }
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int run(List<String> command, Path log, int seconds) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (var file : files.toList()) {
                var target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            for (var file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

/**
 * Native memory back to the system (docs/deploying.md, "Memory and threads"): glibc keeps what the JVM freed, such as
 * the JIT compiler's scratch memory (its peak is about 50 MB while the server warms up), and the process's RSS stays
 * that high. -XX:TrimNativeHeapInterval (recent JDK 17 and 21 updates, e.g. 17.0.15) hands it back every so often;
 * measured in docs/benchmarks.md ("Kept: native heap trimmed every 5 s"). A JVM without the option, or where it is
 * still experimental (JDK 22), would refuse to start with it: it gets nothing added. This asks the JVM itself rather
 * than reading its version.
 */
class NativeHeapTrim {

    static final String OPTION = "-XX:TrimNativeHeapInterval=5000";

    static List<String> option() {
        try {
            var probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), OPTION,
                    "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (probe.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return List.of(OPTION);
            }
            probe.destroyForcibly();
        } catch (IOException e) {
            // no answer: start without it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("[landline] this JVM cannot trim its native heap (" + OPTION + "): RSS stays higher");
        return List.of();
    }
}
