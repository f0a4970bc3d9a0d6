package dev.landline.calls.boundary;

import dev.landline.guard.boundary.SignedWebhookFilter;
import dev.landline.problems.boundary.Problems;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/** The voice provider's webhooks, under {@code /webhooks}. */
@ApplicationPath("webhooks")
public class VoiceApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        var classes = new HashSet<Class<?>>(Problems.mappers());
        classes.add(VonageWebhooksResource.class);
        classes.add(SignedWebhookFilter.class);
        return classes;
    }
}
