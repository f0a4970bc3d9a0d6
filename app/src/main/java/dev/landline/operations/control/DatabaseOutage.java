package dev.landline.operations.control;

import dev.landline.problems.control.StorageFailure;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the database is known to be out of reach, so that webhooks answer the apology at once instead of each
 * waiting for the pool (and the persistence provider's own retries) first. Known from a webhook that failed because
 * the database is down, and from a probe that checks out one pooled connection every {@value #PROBE_INTERVAL} ms
 * (standard managed scheduler) and fails twice in a row with a failure that says the database is down
 * ({@link StorageFailure#databaseDown}); known no longer as soon as that probe succeeds again. A probe that fails
 * otherwise (the pool busy: its wait for a free connection timed out; no SQL state; a connection not valid within a
 * second) proves nothing either way: a busy pool is not an outage, and must not make every caller hear the apology.
 * It only says "down" or "not known down": nothing is ever counted or kept here instead of the database.
 */
@ApplicationScoped
public class DatabaseOutage {

    public static final String PROBE_INTERVAL = "landline.database.probe-interval-millis";
    /** How many probes in a row must find the database down before the probe alone declares an outage. */
    static final int PROBE_FAILURES_FOR_AN_OUTAGE = 2;
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = PROBE_INTERVAL, defaultValue = "1000")
    long probeIntervalMillis;

    private final AtomicReference<Instant> downSince = new AtomicReference<>();
    private final AtomicInteger probesFoundDown = new AtomicInteger();
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

    /** A request found the database down (the SQL state, if any, for the log). */
    public void unreachable(String sqlState) {
        var now = Instant.now();
        if (downSince.compareAndSet(null, now)) {
            LOG.warning("Database unreachable" + (sqlState == null ? "" : " (SQL state " + sqlState + ")")
                    + ": webhooks answer the apology at once until a probe reaches it again");
        }
    }

    /**
     * One probe: a pooled connection that is valid within a second means the database is back; a second failure in
     * a row that says the database is down means it is out of reach; any other failure proves nothing.
     */
    void probe() {
        try (var connection = dataSource.getConnection()) {
            if (connection.isValid(1)) {
                probesFoundDown.set(0);
                reachable();
            } else {
                inconclusive(null);
            }
        } catch (SQLException | RuntimeException e) {
            if (StorageFailure.databaseDown(e)) {
                if (probesFoundDown.incrementAndGet() >= PROBE_FAILURES_FOR_AN_OUTAGE) {
                    unreachable(StorageFailure.sqlState(e));
                }
            } else {
                inconclusive(e);
            }
        }
    }

    /** A busy pool, a slow database or a bug: neither up nor down, and it breaks a run of failed probes. */
    private void inconclusive(Exception e) {
        probesFoundDown.set(0);
        LOG.fine(() -> "Database probe inconclusive (busy, not known down)"
                + (e == null ? "" : ": " + e.getClass().getName() + ", SQL state " + StorageFailure.sqlState(e)));
    }

    private void reachable() {
        var since = downSince.getAndSet(null);
        if (since != null) {
            LOG.info("Database reachable again after " + Duration.between(since, Instant.now()).toMillis() + " ms");
        }
    }
}
