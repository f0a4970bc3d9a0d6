package dev.landline.operations.control;

import dev.landline.signatures.control.VonageSignature;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Logs one line at startup: server, database, webhook security mode. Never a credential or a URL's password. */
@ApplicationScoped
public class StartupReport {

    private static final Logger LOG = Logger.getLogger(StartupReport.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    VonageSignature signature;

    void report(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        LOG.info("Landline Authenticator on " + context.getServerInfo() + ", database " + database()
                + ", webhooks " + webhooks());
    }

    private String webhooks() {
        return switch (signature.mode()) {
            case SIGNED -> "signed (Vonage JWT required)";
            case UNSIGNED_ALLOWED -> "UNAUTHENTICATED (" + VonageSignature.ALLOW_UNSIGNED + "=true)";
            case REFUSING -> "ALL REFUSED (" + VonageSignature.SECRET + " not set)";
        };
    }

    private String database() {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at "
                    + withoutCredentials(meta.getURL());
        } catch (SQLException e) {
            return "UNREACHABLE (" + e.getClass().getSimpleName() + ", SQL state " + e.getSQLState() + ")";
        }
    }

    /** JDBC URLs may carry user and password parameters: keep only what comes before them. */
    static String withoutCredentials(String url) {
        if (url == null) {
            return "?";
        }
        return url.replaceAll("(?i)([?;&](user|password)=)[^;&]*", "$1***");
    }
}
