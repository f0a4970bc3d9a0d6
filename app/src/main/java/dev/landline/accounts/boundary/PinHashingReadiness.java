package dev.landline.accounts.boundary;

import dev.landline.accounts.control.PinHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN, naming the setting, while the PIN hash iteration count is below the floor. */
@Readiness
@ApplicationScoped
public class PinHashingReadiness implements HealthCheck {

    @Inject
    PinHasher hasher;

    @Override
    public HealthCheckResponse call() {
        var problem = hasher.problem();
        var response = HealthCheckResponse.named("pin-hashing").status(problem.isEmpty());
        problem.ifPresent(reason -> response.withData("reason", reason));
        return response.build();
    }
}
