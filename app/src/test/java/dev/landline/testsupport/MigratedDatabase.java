package dev.landline.testsupport;

import java.lang.reflect.Proxy;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * An empty database of the kind named ("H2" or "PostgreSQL"), migrated to the newest schema by the application's own
 * migrations: H2 in memory, or a PostgreSQL database of its own (skipped when PostgreSQL cannot be reached), dropped
 * on close.
 */
public record MigratedDatabase(String url, String user, String password, Postgres.Database postgres)
        implements AutoCloseable {

    public static MigratedDatabase of(String database, String name) throws Exception {
        MigratedDatabase db;
        if (database.equals("PostgreSQL")) {
            Postgres.assumeReachable();
            var postgres = Postgres.create();
            db = new MigratedDatabase(postgres.url(), Postgres.USER, Postgres.PASSWORD, postgres);
        } else {
            db = new MigratedDatabase("jdbc:h2:mem:" + name + "_" + UUID.randomUUID().toString().replace("-", "")
                    + ";DB_CLOSE_DELAY=-1", "sa", "", null);
        }
        try {
            Flyway.configure(MigratedDatabase.class.getClassLoader()).dataSource(db.url, db.user, db.password)
                    .locations("classpath:db/migration").load().migrate();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** A data source that opens a new connection to it for each {@code getConnection()} (nothing else is served). */
    public DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
                        return DriverManager.getConnection(url, user, password);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public void close() throws SQLException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
