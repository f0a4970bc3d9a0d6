package dev.landline.blackbox.matrix;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open Liberty as the README tells its administrator: a fresh unzip of the runtime, {@code bin/server create},
 * src/main/liberty/config/server.xml, the JDBC driver in usr/shared/resources/jdbc (H2 2.3.232, or PostgreSQL with
 * the README's {@code <properties.postgresql …/>} line), the users, secrets and settings as variables in
 * configDropins/overrides, the test-only files of src/test/liberty (earlier keys, a user without the admin role),
 * {@code http.port} in bootstrap.properties, the WAR in apps/, then {@code bin/server start} and {@code stop}.
 */
final class OpenLiberty implements AppServer {

    private static final String SERVER = "landline";
    private static final Duration SCRIPT_WITHIN = Duration.ofMinutes(5);

    @Override
    public String key() {
        return "open-liberty";
    }

    @Override
    public String displayName() {
        return "Open Liberty";
    }

    @Override
    public Running start(Setup setup) throws Exception {
        var work = setup.workDir();
        var wlp = Provisioning.unzip(setup.distributions().resolve("openliberty-runtime.zip"), work);
        var tools = work.resolve("tools.log");
        var script = wlp.resolve("bin/server").toString();
        Provisioning.run(tools, SCRIPT_WITHIN, script, "create", SERVER);
        var server = wlp.resolve("usr/servers/" + SERVER);

        var serverXml = Files.readString(Matrix.recipes().resolve("liberty/config/server.xml"));
        var database = setup.database();
        var postgres = database.kind() == Database.Kind.POSTGRES;
        Files.writeString(server.resolve("server.xml"), postgres ? postgresDatasource(serverXml, database) : serverXml);
        copyTree(Matrix.testConfig().resolve("liberty-it"), server);
        var jdbc = Files.createDirectories(wlp.resolve("usr/shared/resources/jdbc"));
        var driver = postgres ? "postgresql.jar" : "h2.jar";
        Files.copy(setup.distributions().resolve(driver), jdbc.resolve(driver));
        var settings = setup.settings();
        var variables = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<server>\n");
        variable(variables, "landline.admin.user", settings.adminUser());
        variable(variables, "landline.admin.password", settings.adminPassword());
        variable(variables, "landline.seed-key", settings.seedKey());
        variable(variables, "landline.pin-pepper", settings.pinPepper());
        variable(variables, "landline.vonage.signature-secret", settings.signatureSecret());
        variable(variables, "landline.twilio.auth-token", settings.twilioAuthToken());
        variable(variables, "landline.pin.hash-iterations", String.valueOf(settings.pinHashIterations()));
        if (!postgres) {
            variable(variables, "landline.h2.url", database.jdbcUrl());
        }
        Files.writeString(Files.createDirectories(server.resolve("configDropins/overrides"))
                .resolve("landline-secrets.xml"), variables.append("</server>\n"));
        var port = Provisioning.freePorts(1)[0];
        Files.writeString(server.resolve("bootstrap.properties"), "http.port=" + port + "\n");
        if (!setup.jvmOptions().isEmpty()) {
            Files.write(server.resolve("jvm.options"), setup.jvmOptions());
        }
        Files.copy(setup.war(), Files.createDirectories(server.resolve("apps")).resolve(setup.war().getFileName()));

        var base = URI.create("http://127.0.0.1:" + port + "/");
        var running = new Started(base, base.resolve("health/ready"), server.resolve("logs/messages.log"), script,
                wlp, tools);
        try {
            Provisioning.run(tools, SCRIPT_WITHIN, script, "start", SERVER);
            Provisioning.awaitUp(running.readinessUrl(), () -> running.process().map(ProcessHandle::isAlive)
                    .orElse(false), running.log());
            return running;
        } catch (Exception | AssertionError e) {
            running.close();
            throw e;
        }
    }

    /** The README's PostgreSQL recipe: the datasource's H2 properties line replaced by PostgreSQL's. */
    static String postgresDatasource(String serverXml, Database database) {
        var matcher = Pattern.compile("<properties URL=\"\\$\\{landline\\.h2\\.url}\"[^>]*/>").matcher(serverXml);
        if (!matcher.find()) {
            throw new IllegalStateException("no <properties URL=\"${landline.h2.url}\" …/> line in the Liberty"
                    + " server.xml; update OpenLiberty.java and the README together");
        }
        return matcher.replaceFirst(Matcher.quoteReplacement("<properties.postgresql serverName=\"" + database.host()
                + "\" portNumber=\"" + database.port() + "\" databaseName=\"" + database.name() + "\" user=\""
                + database.user() + "\" password=\"" + database.password()
                + "\" connectTimeout=\"1\" loginTimeout=\"2\" socketTimeout=\"10\"/>"
                + "<connectionManager connectionTimeout=\"4s\"/>"));
    }

    private static void variable(StringBuilder xml, String name, String value) {
        xml.append("  <variable name=\"").append(name).append("\" value=\"").append(value.replace("&", "&amp;")
                .replace("\"", "&quot;").replace("<", "&lt;")).append("\"/>\n");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (var file : (Iterable<Path>) files::iterator) {
                var target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private record Started(URI baseUrl, URI readinessUrl, Path log, String script, Path wlp, Path tools)
            implements Running {

        /** The server's JVM, from the pid file `server start` wrote. */
        @Override
        public Optional<ProcessHandle> process() {
            try {
                var pid = Files.readString(wlp.resolve("usr/servers/.pid/" + SERVER + ".pid")).strip();
                return ProcessHandle.of(Long.parseLong(pid));
            } catch (IOException | NumberFormatException notStarted) {
                return Optional.empty();
            }
        }

        @Override
        public void close() {
            var process = process();
            try {
                Provisioning.run(tools, SCRIPT_WITHIN, script, "stop", SERVER);
            } catch (Exception e) {
                System.err.println("[matrix] Open Liberty's server stop failed (" + e.getMessage()
                        + "); ending its process");
            }
            process.ifPresent(handle -> Provisioning.awaitGone(List.of(handle), Duration.ofSeconds(30)));
        }
    }
}
