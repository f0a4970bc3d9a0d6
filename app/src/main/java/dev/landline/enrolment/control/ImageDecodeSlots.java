package dev.landline.enrolment.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets at most {@code landline.enrolment.image-decodes} uploaded images be decoded at once on this node, so that
 * uploads cannot take the memory the calls need. A request waits up to
 * {@code landline.enrolment.image-decode-wait-seconds} for a slot, then is refused as busy (503, try again). Never
 * inside a database transaction: a slot is held while the image is decoded, not while its body is received (that
 * happens before, at most 5 MiB per request, so a slow client never blocks other uploads) nor while anything is
 * stored. One slot by default: on the two cores the run command is sized for, a decode then never takes both from
 * the calls.
 */
@ApplicationScoped
public class ImageDecodeSlots {

    @Inject
    @ConfigProperty(name = "landline.enrolment.image-decodes", defaultValue = "1")
    int slots;

    @Inject
    @ConfigProperty(name = "landline.enrolment.image-decode-wait-seconds", defaultValue = "5")
    int waitSeconds;

    private Semaphore free;

    @PostConstruct
    void init() {
        free = new Semaphore(Math.max(1, slots), true);
    }

    /** What {@code work} returns, run in a slot; refused as busy when none frees up in time. */
    public <T> T inSlot(Supplier<T> work) {
        try {
            if (!free.tryAcquire(Math.max(0, waitSeconds), TimeUnit.SECONDS)) {
                throw EnrolmentRefused.busy("the server is reading other images right now; try again in a few"
                        + " seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EnrolmentRefused.busy("the server is shutting down or busy; try again in a few seconds");
        }
        try {
            return work.get();
        } finally {
            free.release();
        }
    }
}
