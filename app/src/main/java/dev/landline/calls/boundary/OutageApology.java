package dev.landline.calls.boundary;

import dev.landline.operations.control.DatabaseOutage;
import dev.landline.problems.boundary.Problem;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * While the database is known to be out of reach, a signed webhook gets its answer at once, without waiting for a
 * connection: the caller hears the apology (an NCCO, or TwiML for Twilio) and the call ends (a status event gets 503
 * problem+json), exactly as when the webhook itself had failed — nothing evaluated, nothing counted. Runs after the
 * signature check, for matched webhooks only; registered by {@code VoiceApplication}.
 */
@Provider
@Priority(Priorities.USER)
@ApplicationScoped
public class OutageApology implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(OutageApology.class.getName());

    @Inject
    DatabaseOutage outage;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!outage.knownDown()) {
            return;
        }
        LOG.fine("webhook answered without the database: it is known to be unreachable");
        if (WebhookFailureMapper.statusEvent(request.getUriInfo())) {
            request.abortWith(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                    "The event could not be stored right now: the database is unreachable."));
        } else {
            request.abortWith(WebhookFailureMapper.apologyResponse(request.getUriInfo()));
        }
    }
}
