package dev.landline.blackbox.matrix;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Payara Micro the way the README's run command starts it: {@code java -jar payara-micro.jar} with its 4 HTTP
 * workers and the WAR at
 * context root /, the pre-boot commands of src/main/payara (loopback, no clustering, group = role) and the
 * test-only post-boot commands of src/test/payara (file-realm users, the secrets and earlier keys as password
 * aliases, the PIN hashing cost). PostgreSQL: the README's pool as the default datasource, the driver from
 * {@code --addlibs}.
 */
final class PayaraMicro implements AppServer {

    @Override
    public String key() {
        return "payara-micro";
    }

    @Override
    public String displayName() {
        return "Payara Micro";
    }

    @Override
    public Running start(Setup setup) throws Exception {
        var port = Provisioning.freePorts(1)[0];
        var postBoot = Matrix.testConfig().resolve("payara-it/blackbox-post-boot-commands.txt");
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(setup.jvmOptions());
        command.addAll(List.of("-Dh2.bindAddress=127.0.0.1", "-jar", setup.distributions().resolve("payara-micro.jar").toString(),
                "--nocluster", "--maxHttpThreads", "4", "--minHttpThreads", "4", // the run command's workers
                "--deploy", setup.war().toString(), "--contextroot", "/", "--port", String.valueOf(port),
                "--prebootcommandfile", Matrix.recipes().resolve("payara/pre-boot-commands.txt").toString()));
        var extra = new ArrayList<String>();
        if (setup.database().kind() == Database.Kind.POSTGRES) {
            extra.addAll(List.of("# The default datasource on this run's own PostgreSQL database (README, PostgreSQL)",
                    pool("LandlinePostgres", setup.database()),
                    "set resources.jdbc-resource.jdbc/__default.pool-name=LandlinePostgres"));
            command.addAll(List.of("--addlibs", setup.distributions().resolve("postgresql.jar").toString()));
        }
        extra.addAll(setup.postBootCommands()); // a setting under test, after the rest (the bench's A/B)
        if (!extra.isEmpty()) {
            var withExtra = setup.workDir().resolve("post-boot-commands.txt");
            Files.writeString(withExtra, Files.readString(postBoot) + "\n" + String.join("\n", extra) + "\n");
            postBoot = withExtra;
        }
        var log = setup.workDir().resolve("payara-micro.log");
        command.addAll(List.of("--postbootcommandfile", postBoot.toString(), "--logtofile", log.toString()));
        var process = Provisioning.command(setup.workDir().resolve("console.log"), command)
                .directory(setup.workDir().toFile()).start();
        var base = URI.create("http://127.0.0.1:" + port + "/");
        var running = new Started(base, base.resolve("health/ready"), log, process);
        try {
            Provisioning.awaitUp(running.readinessUrl(), process::isAlive, log);
            return running;
        } catch (Exception | AssertionError e) {
            running.close();
            throw e;
        }
    }

    /**
     * The pool an administrator would define (README, PostgreSQL): validated connections, so the pool heals after an
     * outage; short connect, login and socket timeouts and a bounded wait for a free connection.
     */
    static String pool(String name, Database database) {
        return "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
                + " --restype=javax.sql.DataSource --statementcachesize=64 --isconnectvalidatereq=true"
                + " --validationmethod=custom-validation"
                + " --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation"
                + " --failconnection=true --maxwait=4000"
                + " --property user=" + database.user() + ":password=" + database.password() + ":serverName="
                + database.host() + ":portNumber=" + database.port() + ":databaseName=" + database.name()
                + ":connectTimeout=1:loginTimeout=2:socketTimeout=10 " + name;
    }

    private record Started(URI baseUrl, URI readinessUrl, Path log, Process java) implements Running {
        @Override
        public Optional<ProcessHandle> process() {
            return Optional.of(java.toHandle());
        }

        @Override
        public void close() {
            Provisioning.stop(java.toHandle(), Duration.ofSeconds(60));
        }
    }
}
