package dev.landline.schema.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies pending migrations to the default datasource when the application starts. {@code db/migration} (and
 * {@code db/callback}, which Flyway always looks at) hold an empty {@code flyway.location} file: without it Flyway
 * cannot list the folder through Open Liberty's class loader.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    void onStart(@Observes Startup startup) {
        var flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // a server whose class loader hides the migrations must not start with an empty schema
                .failOnMissingLocations(true)
                .load();
        var applied = flyway.migrate().migrationsExecuted;
        var current = flyway.info().current();
        LOG.info(() -> "Database schema at version " + (current == null ? "none" : current.getVersion())
                + " (" + applied + " migrations applied now)");
    }
}
