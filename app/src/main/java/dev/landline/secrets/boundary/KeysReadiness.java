package dev.landline.secrets.boundary;

import dev.landline.secrets.control.ServerKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN, with the reason, while a server key is missing. */
@Readiness
@ApplicationScoped
public class KeysReadiness implements HealthCheck {

    @Inject
    ServerKeys keys;

    @Override
    public HealthCheckResponse call() {
        var problems = keys.problems();
        var response = HealthCheckResponse.named("server-keys").status(problems.isEmpty());
        if (!problems.isEmpty()) {
            response.withData("reason", String.join("; ", problems));
        }
        return response.build();
    }
}
