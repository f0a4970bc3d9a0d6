package dev.landline.blackbox.matrix;

import java.net.URI;

/**
 * The database a server of the matrix runs on. H2: the server's own embedded one (Payara's bundled H2, WildFly's
 * ExampleDS, Liberty's DefaultDataSource on the H2 driver); {@code jdbcUrl} is what a server configures when it has
 * to name one. POSTGRES: a fresh database of this run's own ({@link PostgresDatabases}).
 */
public record Database(Kind kind, String jdbcUrl, String user, String password) {

    public enum Kind { H2, POSTGRES }

    /** An in-memory H2 that lives as long as the server. */
    public static Database h2() {
        return new Database(Kind.H2, "jdbc:h2:mem:landline;DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** Kind, URL and user: never the password (a record's own toString would print it into test reports). */
    @Override
    public String toString() {
        return "Database[kind=" + kind + ", jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
    }

    /** PostgreSQL's host, from {@code jdbc:postgresql://host[:port]/name}. */
    public String host() {
        return location().getHost();
    }

    /** PostgreSQL's port, 5432 unless the URL names one. */
    public int port() {
        var port = location().getPort();
        return port == -1 ? 5432 : port;
    }

    /** The database's name. */
    public String name() {
        return location().getPath().substring(1);
    }

    private URI location() {
        if (kind != Kind.POSTGRES) {
            throw new IllegalStateException("host, port and name are PostgreSQL's, not " + kind + "'s");
        }
        return URI.create(jdbcUrl.substring("jdbc:".length()).replaceFirst("\\?.*$", ""));
    }
}
