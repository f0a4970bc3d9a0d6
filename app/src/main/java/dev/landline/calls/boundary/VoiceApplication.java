package dev.landline.calls.boundary;

import dev.landline.codes.boundary.NoStoreFilter;
import dev.landline.signatures.boundary.SignedWebhookFilter;
import dev.landline.problems.boundary.PersistenceFailureMapper;
import dev.landline.problems.boundary.Problems;
import dev.landline.problems.boundary.TransactionFailureMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/** The voice providers' webhooks, under {@code /webhooks} (Twilio's under {@code /webhooks/twilio}). */
@ApplicationPath("webhooks")
public class VoiceApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        var classes = new HashSet<Class<?>>(Problems.mappers());
        // a caller is on the line: a failure behind a webhook (the database down) is an apology, not an error
        classes.remove(PersistenceFailureMapper.class);
        classes.remove(TransactionFailureMapper.class);
        classes.add(WebhookFailureMapper.class);
        classes.add(VonageWebhooksResource.class);
        classes.add(TwilioWebhooksResource.class);
        classes.add(SignedWebhookFilter.class);
        classes.add(NoStoreFilter.class);
        classes.add(OutageApology.class);
        classes.add(NccoWriter.class);
        return classes;
    }
}
