package dev.landline.time.boundary;

import dev.landline.time.control.ClockOffset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN while our clock is further from the voice provider's than the configured limit: callers would
 * be read wrong codes. The data says the measured offset (or that none was measured yet, which is UP), and
 * {@code held} when that offset is the last one measured before the node stopped getting webhooks: it stays DOWN
 * until newer samples replace it or an administrator who fixed the clock clears it (admin page).
 */
@Readiness
@ApplicationScoped
public class ClockReadiness implements HealthCheck {

    @Inject
    ClockOffset clockOffset;

    @Override
    public HealthCheckResponse call() {
        var estimate = clockOffset.estimate();
        var response = HealthCheckResponse.named("clock").status(!estimate.beyondLimit())
                .withData("samples", estimate.samples())
                .withData("maxOffsetSeconds", estimate.maxOffsetSeconds())
                .withData("held", estimate.held());
        estimate.seconds().ifPresent(seconds -> response.withData("offsetSeconds", String.valueOf(seconds)));
        if (estimate.beyondLimit()) {
            response.withData("reason", "this server's clock is " + estimate.describe() + ", more than "
                    + estimate.maxOffsetSeconds() + " s: callers would hear wrong codes");
        } else if (estimate.beyondWarning()) {
            response.withData("warning", "this server's clock is " + estimate.describe());
        }
        return response.build();
    }
}
