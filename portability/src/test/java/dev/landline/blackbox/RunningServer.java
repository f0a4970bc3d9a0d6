package dev.landline.blackbox;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The server under test, reached over HTTP only: {@code landline.base-url} (the WAR's root, context root included),
 * admin and non-admin credentials ({@code landline.admin}, {@code landline.viewer}, "user:password"). Which server
 * runs there, and how it was configured, is the build's business (profiles blackbox-payara, wildfly, liberty, and
 * wildfly-postgres, liberty-postgres). On a PostgreSQL server, {@code landline.it.postgres} names the file that says
 * whether its database could be created (see src/test/postgres/PostgresForTests.java); when it could not, the
 * scenarios skip with the reason, or fail with {@code -Dlandline.require.postgres=true}.
 */
abstract class RunningServer {

    static final String BASE_URL = System.getProperty("landline.base-url", "");
    static final String ADMIN = System.getProperty("landline.admin", "it-admin:it-admin-password");
    static final String VIEWER = System.getProperty("landline.viewer", "it-viewer:it-viewer-password");
    private static final Duration READY_WITHIN = Duration.ofSeconds(Long.getLong("landline.ready-seconds", 240));
    /** Numbers unique per run, so that a suite can run again against the same database. */
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 100_000) * 10);

    static URI base;

    @BeforeAll
    static void waitUntilTheServerAnswers() throws InterruptedException {
        assumeTrue(!BASE_URL.isBlank(), "black-box scenarios need -Dlandline.base-url=<the WAR's root URL>"
                + " (mvn verify sets it for each server it starts)");
        base = URI.create(BASE_URL.endsWith("/") ? BASE_URL : BASE_URL + "/");
        if (postgresMissing().isPresent()) {
            return; // no server was started; each scenario says why (below)
        }
        var deadline = Instant.now().plus(READY_WITHIN);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                var callers = Http.send("GET", base.resolve("api/callers"), null, null, ADMIN);
                if (callers.statusCode() == 200) {
                    return;
                }
                last = callers.statusCode() + " " + callers.body();
            } catch (UncheckedIOException notListening) {
                last = notListening.getCause().toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(base + " did not answer GET api/callers with 200 within " + READY_WITHIN + ": " + last);
    }

    /** Per scenario rather than per class, so that each skipped scenario is reported, with the reason. */
    @BeforeEach
    void postgresPrepared() {
        postgresMissing().ifPresent(reason -> {
            if (Boolean.getBoolean("landline.require.postgres")) {
                fail(reason + ", and -Dlandline.require.postgres=true");
            }
            assumeTrue(false, reason + ": skipped (-Dlandline.require.postgres=true makes this a failure)");
        });
    }

    private static Optional<String> postgresMissing() {
        var file = System.getProperty("landline.it.postgres");
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.of("no PostgreSQL database was prepared for this server (" + file + ": " + e + ")");
        }
        return "true".equals(properties.getProperty("available")) ? Optional.empty()
                : Optional.of(properties.getProperty("reason", "PostgreSQL unavailable"));
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
