package dev.landline.operations.control;

import dev.landline.signatures.control.ProviderSignature;
import dev.landline.signatures.control.VonageSignature;
import dev.landline.signatures.control.WebhookAddress;
import dev.landline.signatures.control.WebhookMode;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Logs at startup one line with the server, the database and each voice provider's webhook mode (the overall
 * mode first when no provider takes calls), and one line with the URLs to enter in each provider's console. Never a
 * credential or a URL's password.
 */
@ApplicationScoped
public class StartupReport {

    private static final Logger LOG = Logger.getLogger(StartupReport.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    ProviderConsoles consoles;

    void report(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        LOG.info("Landline Authenticator on " + context.getServerInfo() + ", database " + database() + ", "
                + webhooks(consoles.providers()));
        LOG.info(consoles(consoles));
    }

    /** "webhooks: Vonage signed (Vonage JWT required), Twilio refused (… not set)"; "webhooks ALL REFUSED: …". */
    static String webhooks(List<ProviderSignature> providers) {
        var overall = WebhookMode.overall(providers.stream().map(ProviderSignature::mode).toList());
        return (overall == WebhookMode.REFUSING ? "webhooks ALL REFUSED: " : "webhooks: ") + providers.stream()
                .map(provider -> provider.displayName() + " " + switch (provider.mode()) {
                    case SIGNED -> "signed (" + provider.signatureName() + " required)";
                    case UNSIGNED_ALLOWED -> "UNAUTHENTICATED (" + VonageSignature.ALLOW_UNSIGNED + "=true)";
                    case REFUSING -> "refused (" + provider.secretSetting() + " not set)";
                }).collect(Collectors.joining(", "));
    }

    /** Each provider's console fields with their URLs: on the public address, else as paths to put it before. */
    static String consoles(ProviderConsoles consoles) {
        var configured = consoles.publicWebhooksRoot().isPresent();
        var text = consoles.providers().stream().map(provider -> provider.displayName() + " " + consoles
                .urls(provider, URI.create("/webhooks/")).stream()
                .map(url -> url.field() + " " + url.url() + " (" + url.method() + ")")
                .collect(Collectors.joining(", "))).collect(Collectors.joining("; "));
        return "Voice provider consoles: " + text + (configured ? ""
                : " (" + WebhookAddress.PUBLIC_BASE_URL + " is not set or not an absolute http(s) URL: put the"
                        + " address the providers reach before each path, and set it)");
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
