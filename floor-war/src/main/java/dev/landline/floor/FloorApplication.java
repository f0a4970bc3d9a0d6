package dev.landline.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code /floor/ncco}. In the trivial WAR: the resource alone. In the bench's copy of the service's WAR (these classes
 * added to it, the service's own classes unchanged): the resource behind every provider of the service's voice
 * application (its exception mappers, response filters, outage apology), as a webhook would be, except the signature
 * check, which refuses an unsigned GET (the signed answer webhook is measured on its own); the servlet filters and
 * CDI of that WAR apply as they do to any request.
 */
@ApplicationPath("floor")
public class FloorApplication extends Application {

    /** The service's voice application, present only in the bench's copy of the service's WAR. */
    static final String SERVICE_APPLICATION = "dev.landline.calls.boundary.VoiceApplication";
    static final String SIGNATURE_CHECK = "dev.landline.signatures.boundary.SignedWebhookFilter";

    @Override
    public Set<Class<?>> getClasses() {
        var classes = new HashSet<Class<?>>();
        classes.add(ConstantNcco.class);
        try {
            var service = (Application) Class.forName(SERVICE_APPLICATION).getDeclaredConstructor().newInstance();
            for (var provider : service.getClasses()) {
                if (!provider.isAnnotationPresent(Path.class) && !provider.getName().equals(SIGNATURE_CHECK)) {
                    classes.add(provider);
                }
            }
        } catch (ClassNotFoundException trivialWar) {
            // the trivial WAR: the resource alone
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the service's voice application cannot be listed", e);
        }
        return classes;
    }
}
