package dev.landline.blackbox.matrix;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** A server of the matrix, started with the WAR deployed and ready. */
public interface Running extends AutoCloseable {

    /** The WAR's root, ending in '/'. */
    URI baseUrl();

    /** Where /health/ready answers for this server. */
    URI readinessUrl();

    /** The server log, printed on failure. */
    Path log();

    /** The server's JVM (its CPU time is read from /proc by the bench), when this server knows it. */
    default Optional<ProcessHandle> process() {
        return Optional.empty();
    }

    /** Stops the server and waits until its processes are gone. */
    @Override
    void close();
}
