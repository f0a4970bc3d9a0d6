package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.Http;
import dev.landline.testsupport.Postgres;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests of the built WAR on its own Payara Micro (one server per test class), driven over HTTP only.
 * The server's clock follows the system clock again after each test. The same classes run on Payara Micro's H2
 * and, in the failsafe execution "postgres", on a PostgreSQL database of their own ({@link PostgresRun}).
 */
@ExtendWith(PostgresRun.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class OnPayaraMicro {

    @ArquillianResource
    URL url;

    URI base;
    Fixtures fixtures;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestSupport();
    }

    @BeforeEach
    void connect() throws URISyntaxException {
        base = url.toURI();
        fixtures = new Fixtures(base);
        Postgres.thisRun().ifPresent(run -> {
            var database = Http.send("GET", base.resolve("test-support/database"), null, null, null).body();
            assertTrue(database.startsWith("PostgreSQL ") && database.contains("/" + run.getProperty("database")),
                    "the PostgreSQL run really runs on its own PostgreSQL database: " + database);
        });
    }

    @AfterEach
    void systemClock() {
        fixtures.systemClock();
    }
}
