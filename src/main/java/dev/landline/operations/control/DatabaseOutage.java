package dev.landline.operations.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the database is known to be out of reach, so that webhooks answer the apology at once instead of each
 * waiting for the pool (and the persistence provider's own retries) first. Known from a failed webhook and from a
 * probe that checks out one pooled connection every {@value #PROBE_INTERVAL} ms (standard managed scheduler);
 * known no longer as soon as that probe succeeds again. It only says "down" or "not known down": nothing is ever
 * counted or kept here instead of the database.
 */
@ApplicationScoped
public class DatabaseOutage {

    public static final String PROBE_INTERVAL = "landline.database.probe-interval-millis";
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = PROBE_INTERVAL, defaultValue = "1000")
    long probeIntervalMillis;

    private final AtomicReference<Instant> downSince = new AtomicReference<>();
    private ScheduledFuture<?> probe;

    void startProbing(@Observes Startup startup) {
        var interval = Math.max(100, probeIntervalMillis);
        probe = scheduler.scheduleWithFixedDelay(this::probe, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopProbing() {
        if (probe != null) {
            probe.cancel(false);
        }
    }

    /** When the database was found out of reach, if it still is as far as this node knows. */
    public Optional<Instant> downSince() {
        return Optional.ofNullable(downSince.get());
    }

    public boolean knownDown() {
        return downSince.get() != null;
    }

    /** A request found the database out of reach (the SQL state, if any, for the log). */
    public void unreachable(String sqlState) {
        var now = Instant.now();
        if (downSince.compareAndSet(null, now)) {
            LOG.warning("Database unreachable" + (sqlState == null ? "" : " (SQL state " + sqlState + ")")
                    + ": webhooks answer the apology at once until a probe reaches it again");
        }
    }

    /** One probe: a pooled connection that is valid within a second means the database is back. */
    void probe() {
        try (var connection = dataSource.getConnection()) {
            if (connection.isValid(1)) {
                reachable();
            } else {
                unreachable(null);
            }
        } catch (SQLException e) {
            unreachable(e.getSQLState());
        } catch (RuntimeException e) {
            // a pool that fails otherwise is out of reach too; the next probe tries again
            unreachable(null);
        }
    }

    private void reachable() {
        var since = downSince.getAndSet(null);
        if (since != null) {
            LOG.info("Database reachable again after " + Duration.between(since, Instant.now()).toMillis() + " ms");
        }
    }
}
