package dev.landline.operations.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN, with the reason, while the database cannot be reached. Created at startup: WildFly runs
 * health checks on a management thread that has no {@code java:comp}, so a check first created there cannot have
 * its data source injected (and would report DOWN for a database that is fine).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    void createdWithTheApplicationsNaming(@Observes Startup startup) {
        // nothing to do: observing Startup creates this bean, and injects its resources, during deployment
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (var connection = dataSource.getConnection()) {
            return response.status(connection.isValid(2)).build();
        } catch (SQLException e) {
            return response.down().withData("reason", "unreachable (SQL state " + e.getSQLState() + ")").build();
        }
    }
}
