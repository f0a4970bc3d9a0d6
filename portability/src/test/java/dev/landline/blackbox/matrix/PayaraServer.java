package dev.landline.blackbox.matrix;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payara Server (full), set up exactly as docs/deploying-payara-server.md tells an administrator: a new domain with an
 * administrator password, started with {@code asadmin start-domain}; the recipe
 * {@code app/src/main/payara-server/landline.asadmin} (under {@code -Dmatrix.recipes}, like the other servers' recipes)
 * with its variables filled in (as {@code envsubst} does) run by {@code asadmin multimode --file}, preceded by the
 * test-only additions of {@code portability/src/test/servers/payara-server/test-only.asadmin} (a viewer, the earlier
 * keys, a lower PIN cost; copied to servers-it/ under {@code -Dmatrix.test-config}); then
 * {@code asadmin restart-domain}. On H2 the recipe's PostgreSQL section is left out, as the guide says for a trial:
 * the WAR then uses the domain's own embedded H2 ({@code jdbc/__default}, a file in the domain), so the H2
 * {@link Database#jdbcUrl()} is not used. Ports: a free port base ({@code create-domain --portbase}), HTTP on
 * base+80, the admin console on https://127.0.0.1:base+48. Distribution: {@code payara.zip} in
 * {@link Setup#distributions()} ({@code fish.payara.distributions:payara:zip}, version {@code payara.server.version} of
 * the parent pom); PostgreSQL also needs {@code postgresql.jar} there.
 */
public final class PayaraServer implements AppServer {

    static final String DOMAIN = "landline";
    private static final Duration ASADMIN_TIMEOUT = Duration.ofMinutes(Long.getLong("payara-server.asadmin-minutes", 6));
    /** The port offsets create-domain --portbase uses (admin 48, HTTP 80/81, IIOP 37–39, JMS 76, JMX 86, OSGi shell
     *  66, debugger 9, Hazelcast 49 and 59). */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");
    private static final String DATABASE_SECTION = "(?ms)^# --- 6\\. database: PostgreSQL.*?^# --- end of database ---\\R";

    @Override
    public String key() {
        return "payara-server";
    }

    @Override
    public String displayName() {
        return "Payara Server";
    }

    @Override
    public Running start(Setup setup) throws Exception {
        var work = setup.workDir().toAbsolutePath();
        var install = Provisioning.unzip(setup.distributions().resolve("payara.zip"), work);
        var asadmin = install.resolve("bin/asadmin");
        var domains = work.resolve("domains");
        var secrets = secrets(work.resolve("secrets"), setup);
        var log = work.resolve("asadmin.log");
        var portBase = freePortBase();
        var base = URI.create("http://127.0.0.1:" + (portBase + 80) + "/");
        var configured = work.resolve("landline.configured.asadmin");
        write(configured, commands(setup, secrets, base));
        var server = new Started(base, asadmin, domains, log, portBase);
        try {
            // the administrator's shell steps (docs/deploying-payara-server.md), with a port base and a folder of
            // our own for the domain
            server.asadmin("--user", "admin", "--passwordfile", secrets.resolve("asadmin.password").toString(),
                    "create-domain", "--portbase", Integer.toString(portBase), "--domaindir", domains.toString(),
                    DOMAIN);
            server.asadmin("start-domain", "--domaindir", domains.toString(), DOMAIN);
            server.asadmin("--port", Integer.toString(portBase + 48), "--user", "admin", "--passwordfile",
                    secrets.resolve("asadmin.password").toString(), "multimode", "--file", configured.toString());
            server.asadmin("--user", "admin", "--passwordfile", secrets.resolve("asadmin.password").toString(),
                    "restart-domain", "--domaindir", domains.toString(), DOMAIN);
            Provisioning.awaitUp(server.readinessUrl(), server::alive, server.log());
            return server;
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
    }

    /**
     * The commands run in the one multimode session: test-only.asadmin, then landline.asadmin (without its PostgreSQL
     * section on H2), variables filled in.
     */
    static String commands(Setup setup, Path secrets, URI base) throws IOException {
        var variables = variables(setup, secrets, base);
        var recipe = Files.readString(Matrix.recipes().resolve("payara-server/landline.asadmin"));
        if (setup.database().kind() == Database.Kind.H2) {
            var trial = recipe.replaceFirst(DATABASE_SECTION, "");
            if (trial.equals(recipe)) {
                throw new IllegalStateException("landline.asadmin has no '# --- 6. database: PostgreSQL' … '# ---"
                        + " end of database ---' section; update PayaraServer and the guide together");
            }
            recipe = trial;
        }
        var testOnly = Files.readString(Matrix.testConfig().resolve("servers-it/payara-server/test-only.asadmin"));
        return substitute(testOnly, variables) + substitute(recipe, variables);
    }

    /** What envsubst does with the exported variables; a ${LANDLINE_…} left over is a mistake in the recipe. */
    static String substitute(String text, Map<String, String> variables) {
        var matcher = VARIABLE.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            var value = variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for ${" + matcher.group(1) + "} in the Payara Server recipe");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> variables(Setup setup, Path secrets, URI base) {
        var settings = setup.settings();
        var variables = new LinkedHashMap<String, String>();
        variables.put("LANDLINE_SECRETS", secrets.toString());
        variables.put("LANDLINE_ADMIN_USER", settings.adminUser());
        variables.put("LANDLINE_VIEWER_USER", settings.viewerUser());
        variables.put("LANDLINE_PIN_HASH_ITERATIONS", Integer.toString(settings.pinHashIterations()));
        variables.put("LANDLINE_PUBLIC_BASE_URL", base.toString().replaceFirst("/$", ""));
        variables.put("LANDLINE_WAR", setup.war().toAbsolutePath().toString());
        var database = setup.database();
        if (database.kind() == Database.Kind.POSTGRES) {
            var url = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*$").matcher(database.jdbcUrl());
            if (!url.matches()) {
                throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/database URL: "
                        + database.jdbcUrl());
            }
            variables.put("LANDLINE_DB_HOST", url.group(1));
            variables.put("LANDLINE_DB_PORT", url.group(2) == null ? "5432" : url.group(2));
            variables.put("LANDLINE_DB_NAME", url.group(3));
            variables.put("LANDLINE_DB_USER", database.user());
            variables.put("LANDLINE_POSTGRESQL_JAR", setup.distributions().resolve("postgresql.jar").toAbsolutePath()
                    .toString());
        }
        return variables;
    }

    /** The secret files the guide asks for, owner-only, one line each. */
    private static Path secrets(Path dir, Setup setup) throws IOException {
        Files.createDirectories(dir);
        restrict(dir, "rwx------");
        var settings = setup.settings();
        var adminConsolePassword = new byte[12];
        new SecureRandom().nextBytes(adminConsolePassword);
        write(dir.resolve("asadmin.password"), "AS_ADMIN_PASSWORD="
                + java.util.HexFormat.of().formatHex(adminConsolePassword) + "\n");
        write(dir.resolve("admin.password"), "AS_ADMIN_USERPASSWORD=" + settings.adminPassword() + "\n");
        write(dir.resolve("viewer.password"), "AS_ADMIN_USERPASSWORD=" + settings.viewerPassword() + "\n");
        write(dir.resolve("seed-key.alias"), "AS_ADMIN_ALIASPASSWORD=" + settings.seedKey() + "\n");
        write(dir.resolve("pin-pepper.alias"), "AS_ADMIN_ALIASPASSWORD=" + settings.pinPepper() + "\n");
        write(dir.resolve("signature-secret.alias"), "AS_ADMIN_ALIASPASSWORD=" + settings.signatureSecret() + "\n");
        write(dir.resolve("twilio-auth-token.alias"), "AS_ADMIN_ALIASPASSWORD=" + settings.twilioAuthToken() + "\n");
        write(dir.resolve("seed-key-previous.alias"), "AS_ADMIN_ALIASPASSWORD=" + settings.seedKeyPrevious() + "\n");
        write(dir.resolve("pin-pepper-previous.alias"), "AS_ADMIN_ALIASPASSWORD=" + settings.pinPepperPrevious()
                + "\n");
        var database = setup.database();
        if (database.kind() == Database.Kind.POSTGRES) {
            // Payara's pool needs a non-empty password, even where PostgreSQL trusts the user
            var password = database.password() == null || database.password().isEmpty() ? "it-only-db-password"
                    : database.password();
            write(dir.resolve("database.alias"), "AS_ADMIN_ALIASPASSWORD=" + password + "\n");
        }
        return dir;
    }

    /** A port base whose ports are all free on loopback and on the wildcard address (the domain binds both until its
     *  restart puts everything on loopback). */
    static int freePortBase() {
        var random = new SecureRandom();
        for (int attempt = 0; attempt < 50; attempt++) {
            var base = 20_000 + random.nextInt(400) * 100;
            if (allFree(base)) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base found");
    }

    private static boolean allFree(int base) {
        for (var offset : PORT_OFFSETS) {
            try (var loopback = new ServerSocket()) {
                loopback.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), base + offset));
            } catch (IOException taken) {
                return false;
            }
            try (var any = new ServerSocket(base + offset)) {
                // free
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
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
            // not a POSIX file system
        }
    }

    /** The domain once create-domain has run: asadmin, readiness, and stop. */
    private record Started(URI baseUrl, Path asadmin, Path domains, Path asadminLog, int portBase) implements Running {

        @Override
        public URI readinessUrl() {
            return baseUrl.resolve("health/ready");
        }

        @Override
        public Path log() {
            var server = domains.resolve(DOMAIN).resolve("logs/server.log");
            return Files.exists(server) ? server : asadminLog;
        }

        /** https://127.0.0.1:base+48, the admin console (and asadmin's port). */
        URI adminConsole() {
            return URI.create("https://127.0.0.1:" + (portBase + 48) + "/");
        }

        /** Runs asadmin on the JDK that runs the tests (AS_JAVA; asadmin does not read JAVA_HOME). */
        void asadmin(String... arguments) throws IOException, InterruptedException {
            var command = new ArrayList<String>();
            command.add(asadmin.toString());
            command.add("--interactive=false");
            command.addAll(List.of(arguments));
            Provisioning.run(asadminLog, ASADMIN_TIMEOUT, Map.of("AS_JAVA", System.getProperty("java.home")),
                    command.toArray(String[]::new));
        }

        /** The domain's JVM, from the pid file it writes (a new one at each restart). */
        @Override
        public Optional<ProcessHandle> process() {
            try {
                return ProcessHandle.of(Long.parseLong(Files.readString(domains.resolve(DOMAIN).resolve("config/pid"))
                        .strip()));
            } catch (IOException | NumberFormatException notRunning) {
                return Optional.empty();
            }
        }

        boolean alive() {
            return process().map(ProcessHandle::isAlive).orElse(false);
        }

        /** asadmin stop-domain, then waits until the server's JVM is gone; kills it if it lingers. */
        @Override
        public void close() {
            var process = process();
            try {
                if (Files.isDirectory(domains.resolve(DOMAIN))) {
                    asadmin("stop-domain", "--domaindir", domains.toString(), DOMAIN);
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("[matrix] Payara Server's stop-domain failed (" + e.getMessage()
                        + "); ending its process");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.ifPresent(handle -> Provisioning.awaitGone(List.of(handle), Duration.ofSeconds(60)));
        }

        @Override
        public String toString() {
            return "Payara Server at " + baseUrl + " (admin console " + adminConsole() + ")";
        }
    }
}
