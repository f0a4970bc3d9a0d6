package dev.landline.blackbox;

import static org.junit.jupiter.api.Assertions.fail;

import dev.landline.blackbox.matrix.Running;
import dev.landline.blackbox.matrix.TestSettings;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The server under test, reached over HTTP only: the WAR's root (context root included), where its readiness
 * answers, and admin and non-admin credentials ("user:password"). Which server runs there, and how it was
 * configured, is the matrix's business ({@link PortabilityIT}, package {@code matrix}); it sets these before the
 * scenarios of each entry run. When an entry has no server (PostgreSQL unreachable, a server not in the build), each
 * scenario is reported as skipped with the reason, or fails when the run must not skip it.
 */
abstract class RunningServer {

    static String ADMIN;
    static String VIEWER;
    /** Numbers unique per run, so that a suite can run again against the same database. */
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 100_000) * 10);

    static URI base;
    static URI readiness;
    private static String missing;
    private static boolean failIfMissing;

    /** The scenarios that follow run against this server, with these users. */
    static void serve(Running server, TestSettings settings) {
        base = server.baseUrl();
        readiness = server.readinessUrl();
        ADMIN = settings.adminUser() + ":" + settings.adminPassword();
        VIEWER = settings.viewerUser() + ":" + settings.viewerPassword();
        missing = null;
    }

    /** The scenarios that follow have no server: each is skipped with the reason, or fails if {@code fail}. */
    static void serveNothing(String reason, boolean fail) {
        base = null;
        readiness = null;
        missing = reason;
        failIfMissing = fail;
    }

    /** Per scenario rather than per class, so that each skipped scenario is reported, with the reason. */
    @BeforeEach
    void serverRunning() {
        if (missing != null) {
            if (failIfMissing) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
    }

    static String uniqueAccountNumber() {
        return "5" + String.format("%07d", NEXT.incrementAndGet());
    }

    static String uniquePhone() {
        return "44770" + String.format("%07d", NEXT.incrementAndGet());
    }

    /** A called number of its own for each scenario, so the per-called-number call cap never interferes. */
    static String uniqueCalledNumber() {
        return "44207" + String.format("%07d", NEXT.incrementAndGet());
    }
}
