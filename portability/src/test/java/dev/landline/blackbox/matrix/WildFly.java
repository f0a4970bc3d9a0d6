package dev.landline.blackbox.matrix;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WildFly as the README tells its administrator: a fresh unzip of the dist, application users in groups
 * ({@code bin/add-user.sh -a -g admin}), {@code standalone-microprofile.xml} on loopback, then {@code jboss-cli.sh}
 * with src/main/wildfly/landline.cli and a properties file holding the secrets, the earlier keys (test-only
 * src/test/wildfly/key-ring.cli, docs/key-rotation.md), for PostgreSQL the driver dropped into
 * standalone/deployments, the datasource and the default binding; a reload, and the WAR deployed. It answers under
 * /landline-authenticator/; MicroProfile Health is on the management port.
 */
final class WildFly implements AppServer {

    private static final Duration CLI_WITHIN = Duration.ofMinutes(5);

    @Override
    public String key() {
        return "wildfly";
    }

    @Override
    public String displayName() {
        return "WildFly";
    }

    @Override
    public Running start(Setup setup) throws Exception {
        var work = setup.workDir();
        var home = Provisioning.unzip(setup.distributions().resolve("wildfly-dist.zip"), work);
        var tools = work.resolve("tools.log");
        var settings = setup.settings();
        Provisioning.run(tools, CLI_WITHIN, home.resolve("bin/add-user.sh").toString(), "-a", "-s",
                "-u", settings.adminUser(), "-p", settings.adminPassword(), "-g", "admin");
        Provisioning.run(tools, CLI_WITHIN, home.resolve("bin/add-user.sh").toString(), "-a", "-s",
                "-u", settings.viewerUser(), "-p", settings.viewerPassword(), "-g", "viewer");
        var postgres = setup.database().kind() == Database.Kind.POSTGRES;
        if (postgres) { // the README: "cp postgresql-….jar standalone/deployments/"
            Files.copy(setup.distributions().resolve("postgresql.jar"),
                    home.resolve("standalone/deployments/postgresql.jar"));
        }

        var ports = Provisioning.freePorts(4);
        var management = "127.0.0.1:" + ports[2];
        var builder = Provisioning.command(work.resolve("console.log"), List.of(
                home.resolve("bin/standalone.sh").toString(), "-c", "standalone-microprofile.xml",
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.http.port=" + ports[0], "-Djboss.https.port=" + ports[1],
                "-Djboss.management.http.port=" + ports[2], "-Djboss.management.https.port=" + ports[3],
                "-Dlandline.pin.hash-iterations=" + settings.pinHashIterations())).directory(work.toFile());
        if (!setup.jvmOptions().isEmpty()) { // standalone.conf keeps JAVA_OPTS when set: its own two flags added back
            builder.environment().put("JAVA_OPTS", String.join(" ", setup.jvmOptions())
                    + " -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true");
        }
        var process = builder.start();
        var context = setup.war().getFileName().toString().replaceFirst("\\.war$", "");
        var running = new Started(URI.create("http://127.0.0.1:" + ports[0] + "/" + context + "/"),
                URI.create("http://" + management + "/health/ready"), home.resolve("standalone/log/server.log"),
                process, home, management, tools);
        try {
            Provisioning.awaitUp(URI.create("http://" + management + "/health/live"), process::isAlive, running.log());
            var script = new ArrayList<String>();
            script.add(Files.readString(Matrix.recipes().resolve("wildfly/landline.cli")));
            script.add(Files.readString(Matrix.testConfig().resolve("wildfly-it/key-ring.cli")));
            if (postgres) {
                script.add(datasource(setup.database()));
            }
            var configure = work.resolve("configure.cli");
            Files.writeString(configure, String.join("\n", script));
            running.cli("--file=" + configure, "--properties="
                    + Matrix.testConfig().resolve("wildfly-it/landline.properties"), "--resolve-parameter-values");
            running.cli("--command=reload");
            Provisioning.awaitUp(URI.create("http://" + management + "/health/live"), process::isAlive, running.log());
            running.cli("--command=deploy " + setup.war());
            Provisioning.awaitUp(running.readinessUrl(), process::isAlive, running.log());
            return running;
        } catch (Exception | AssertionError e) {
            running.close();
            throw e;
        }
    }

    /** The README's PostgreSQL datasource, made the default one (the driver is the deployed postgresql.jar). */
    static String datasource(Database database) {
        return String.join("\n",
                "# The default datasource on this run's own PostgreSQL database (README, WildFly, Database)",
                "data-source add --name=LandlineDS --jndi-name=java:jboss/datasources/LandlineDS"
                        + " --driver-name=postgresql.jar --connection-url=jdbc:postgresql://" + database.host() + ":"
                        + database.port() + "/" + database.name()
                        + "?connectTimeout=1&loginTimeout=2&socketTimeout=10 --blocking-timeout-wait-millis=4000"
                        + " --user-name=" + database.user() + " --password=" + database.password(),
                "/subsystem=ee/service=default-bindings:write-attribute(name=datasource,"
                        + "value=java:jboss/datasources/LandlineDS)",
                "");
    }

    private record Started(URI baseUrl, URI readinessUrl, Path log, Process launcher, Path home, String management,
            Path tools) implements Running {

        /** standalone.sh; its child is the server's JVM (the bench counts the CPU time of both). */
        @Override
        public Optional<ProcessHandle> process() {
            return Optional.of(launcher.toHandle());
        }

        void cli(String... arguments) throws IOException, InterruptedException {
            var command = new ArrayList<>(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                    "--controller=" + management));
            command.addAll(List.of(arguments));
            Provisioning.run(tools, CLI_WITHIN, command.toArray(String[]::new));
        }

        @Override
        public void close() {
            if (launcher.isAlive()) {
                try {
                    cli("--command=shutdown");
                } catch (Exception e) {
                    System.err.println("[matrix] WildFly did not take the shutdown command (" + e.getMessage()
                            + "); ending its processes");
                }
            }
            Provisioning.stop(launcher.toHandle(), Duration.ofSeconds(60));
        }
    }
}
