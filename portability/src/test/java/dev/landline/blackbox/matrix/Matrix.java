package dev.landline.blackbox.matrix;

import dev.landline.blackbox.matrix.Database.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The portability matrix, declared once: every server of {@link #SERVERS} on every database of {@link #DATABASES},
 * server by server. Adding a server: an {@link AppServer} class and one entry here, its distribution fetched in
 * portability/pom.xml, its recipe under app/src/main/ (docs/architecture.md, "Where to change what").
 * {@code -Dmatrix.servers=} and
 * {@code -Dmatrix.databases=} (comma-separated keys: payara-micro, payara-server, wildfly, open-liberty; h2,
 * postgres) select a part of it, e.g. {@code -Dmatrix.servers=payara-micro,wildfly -Dmatrix.databases=h2}.
 */
public final class Matrix {

    /** The servers, in the order they run. */
    public static final List<AppServer> SERVERS = List.of(
            new PayaraMicro(),
            new PayaraServer(),
            new WildFly(),
            new OpenLiberty());

    /** The databases each server runs on, in that order. */
    public static final List<Kind> DATABASES = List.of(Kind.H2, Kind.POSTGRES);

    /** One cell of the matrix: a server on a database. Its name is what the test reports show. */
    public record Entry(AppServer server, Kind database) {
        @Override
        public String toString() {
            return server.displayName() + " on " + (database == Kind.H2 ? "H2" : "PostgreSQL");
        }

        /** A directory name for this entry's files, e.g. "wildfly-postgres". */
        public String key() {
            return server.key() + "-" + database.name().toLowerCase();
        }
    }

    private Matrix() {
    }

    /** The selected entries, server by server, each server on every selected database. */
    public static List<Entry> entries() {
        var servers = selection("matrix.servers", SERVERS.stream().map(AppServer::key).toList());
        var databases = selection("matrix.databases", DATABASES.stream().map(d -> d.name().toLowerCase()).toList());
        var entries = new ArrayList<Entry>();
        for (var server : SERVERS) {
            for (var database : DATABASES) {
                if (servers.contains(server.key()) && databases.contains(database.name().toLowerCase())) {
                    entries.add(new Entry(server, database));
                }
            }
        }
        return entries;
    }

    private static Set<String> selection(String property, List<String> known) {
        var value = System.getProperty(property, "").strip();
        if (value.isEmpty()) {
            return Set.copyOf(known);
        }
        var chosen = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        for (var key : chosen) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("-D" + property + ": no " + key + " in the matrix; one of " + known);
            }
        }
        return chosen;
    }

    /** Where the server recipes an administrator uses live: the app module's src/main (payara/, payara-server/,
     *  wildfly/, liberty/config/). */
    static Path recipes() {
        return Path.of(required("matrix.recipes"));
    }

    /** Where the build put this module's test-only server configuration: payara-it/, wildfly-it/, liberty-it/
     *  (filtered from src/test/&lt;server&gt;) and servers-it/payara-server/ (src/test/servers, as it is). */
    static Path testConfig() {
        return Path.of(required("matrix.test-config"));
    }

    static String required(String property) {
        var value = System.getProperty(property, "");
        if (value.isBlank()) {
            throw new IllegalStateException("-D" + property + " is not set: the portability matrix runs in mvn verify"
                    + " (module portability, failsafe execution \"portability\"), which sets it;"
                    + " its unit tests get it from surefire's configuration there");
        }
        return value;
    }
}
