package dev.landline.blackbox;

import dev.landline.blackbox.matrix.Database;
import dev.landline.blackbox.matrix.Matrix;
import dev.landline.blackbox.matrix.PostgresDatabases;
import dev.landline.blackbox.matrix.Running;
import dev.landline.blackbox.matrix.Setup;
import dev.landline.blackbox.matrix.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The black-box scenarios once per entry of the portability {@link Matrix} (server × database), server by server:
 * the entry's server is provisioned, configured as its administrator would, started with the production WAR
 * (and a fresh PostgreSQL database of its own for a PostgreSQL entry), every scenario runs against it over HTTP,
 * then it is stopped (and the database dropped) before the next entry starts. PostgreSQL unreachable: that entry's
 * scenarios skip with the reason, or fail with {@code -Dlandline.require.postgres=true}.
 */
@Tag("portability")
@ParameterizedClass(name = "{0}")
@MethodSource("dev.landline.blackbox.matrix.Matrix#entries")
class PortabilityIT {

    private static Running server;
    private static Database database;
    private static Instant started;

    PortabilityIT(Matrix.Entry entry) {
    }

    @BeforeParameterizedClassInvocation
    static void start(Matrix.Entry entry) throws Exception {
        started = Instant.now();
        var settings = TestSettings.fromTestCredentials();
        var work = Path.of(System.getProperty("matrix.work", "target/matrix")).resolve(entry.key());
        empty(work);
        try {
            database = entry.database() == Database.Kind.H2 ? Database.h2() : PostgresDatabases.create();
            if (database.kind() == Database.Kind.POSTGRES) {
                System.out.println("[matrix] created PostgreSQL database " + database.name() + " for " + entry);
            }
        } catch (SQLException unreachable) {
            var reason = PostgresDatabases.unreachable(unreachable);
            var required = Boolean.getBoolean("landline.require.postgres");
            RunningServer.serveNothing(reason + (required ? ", and -Dlandline.require.postgres=true"
                    : ": skipped (-Dlandline.require.postgres=true makes this a failure)"), required);
            return;
        }
        var setup = new Setup(Path.of(System.getProperty("matrix.war", "")), work, database,
                Path.of(System.getProperty("matrix.distributions", "")), settings);
        server = entry.server().start(setup);
        System.out.println("[matrix] " + entry + " ready in " + seconds(started) + " at " + server.baseUrl()
                + " (log: " + server.log() + ")");
        RunningServer.serve(server, settings);
    }

    @AfterParameterizedClassInvocation
    static void stop(Matrix.Entry entry) throws SQLException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            server = null;
            if (database != null && database.kind() == Database.Kind.POSTGRES) {
                PostgresDatabases.drop(database);
                System.out.println("[matrix] dropped PostgreSQL database " + database.name());
            }
            database = null;
            RunningServer.serveNothing("no server: the matrix entry is over", true);
            System.out.println("[matrix] " + entry + ": " + seconds(started) + " from start to stopped");
        }
    }

    @Nested
    class Calls extends VonageCallScenarios {
    }

    @Nested
    class TwilioCalls extends TwilioCallScenarios {
    }

    @Nested
    class AdminApi extends AdminApiScenarios {
    }

    private static String seconds(Instant since) {
        return Duration.between(since, Instant.now()).toSeconds() + " s";
    }

    private static void empty(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
