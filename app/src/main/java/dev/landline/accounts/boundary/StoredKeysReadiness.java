package dev.landline.accounts.boundary;

import dev.landline.accounts.control.KeyUsage;
import dev.landline.secrets.control.ServerKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the keys configured open what is stored. DOWN while any sealed seed names a seed key that is not
 * configured: this node would read some callers an apology instead of their code, which is what happens when an
 * earlier key is removed before the re-encryption finished, and a rolling deployment should keep the old nodes
 * serving until the key is put back. PIN hashes whose pepper is not configured keep it UP, so they are not asked here
 * (their count, and the seeds left to re-encrypt, are on the admin keys page): those callers fail closed, and the
 * remedy, a new PIN, needs the service up. Asked at most every 10 seconds, with work bounded by the number of
 * distinct stored key ids, not of callers; when the database cannot be asked, the database check says so and this
 * one stays UP.
 */
@Readiness
@ApplicationScoped
public class StoredKeysReadiness implements HealthCheck {

    private static final Duration FRESH = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(StoredKeysReadiness.class.getName());

    @Inject
    KeyUsage usage;

    @Inject
    ServerKeys keys;

    private volatile HealthCheckResponse last;
    private volatile long lastAt;

    @Override
    public HealthCheckResponse call() {
        var cached = last;
        if (cached != null && System.nanoTime() - lastAt < FRESH.toNanos()) {
            return cached;
        }
        try {
            var response = fresh();
            last = response;
            lastAt = System.nanoTime();
            return response;
        } catch (RuntimeException unreachable) {
            // not remembered: the next probe asks again
            LOG.warning("stored keys not counted: " + unreachable.getClass().getName());
            return HealthCheckResponse.named("stored-keys").up()
                    .withData("state", "not counted (database unreachable)").build();
        }
    }

    private HealthCheckResponse fresh() {
        var builder = HealthCheckResponse.named("stored-keys");
        if (!keys.problems().isEmpty()) {
            return builder.up().withData("state", "no keys configured (see server-keys)").build();
        }
        long missingSeeds = usage.seedsUnderMissingKeys();
        builder.status(missingSeeds == 0).withData("seedsUnderMissingKeys", missingSeeds);
        if (missingSeeds > 0) {
            builder.withData("reason", missingSeeds + " sealed seeds name a seed key that is not configured"
                    + " (put it back in " + ServerKeys.SEED_KEY_PREVIOUS + ")");
        }
        return builder.build();
    }
}
