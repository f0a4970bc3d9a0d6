package dev.landline.calls.boundary;

import dev.landline.accounts.control.Languages;
import dev.landline.calls.control.CallLanguages;
import dev.landline.calls.control.Prompts;
import dev.landline.calls.control.Reply;
import dev.landline.operations.control.DatabaseOutage;
import dev.landline.problems.boundary.Problem;
import dev.landline.problems.control.StorageFailure;
import dev.landline.problems.boundary.TransactionFailureMapper;
import dev.landline.problems.boundary.UnexpectedErrorMapper;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A webhook that could not be served because the database failed — above all because it is unreachable (the
 * persistence provider's exceptions and failed transactions are runtime exceptions; the webhook application
 * registers this mapper instead of the shared persistence and transaction mappers). Any other runtime exception
 * is a bug and stays a 500 problem, so that tests and operators notice it. The caller is on
 * the line: the answer and input webhooks reply with a polite apology that ends the call (an NCCO; TwiML under
 * {@code /webhooks/twilio/}) — never a code, never an error status the provider would retry or read out — and
 * nothing is kept or counted anywhere else instead. A status event (Vonage's event, Twilio's status callback) gets
 * 503 problem+json. A concurrent change that won still gets 409, as from the shared mappers.
 * The log has an incident id, the exception type and the SQL state; never a message, which may quote values.
 * A database that is down ({@link StorageFailure#databaseDown}: a failed connect, SQL state class 08, 53 or
 * 57P01–57P03) is reported to {@link DatabaseOutage}, so that the next webhooks do not wait for it; a pool that is
 * merely busy (a wait for a free connection that timed out, no SQL state) or a failure of one statement is not.
 */
public class WebhookFailureMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(WebhookFailureMapper.class.getName());

    @Context
    UriInfo uriInfo;

    /** Where an unreachable database is reported (with its SQL state): the node's {@link DatabaseOutage}. */
    Consumer<String> outageReport = sqlState -> CDI.current().select(DatabaseOutage.class).get().unreachable(sqlState);

    @Override
    public Response toResponse(RuntimeException e) {
        if (StorageFailure.concurrentChange(e)) {
            return TransactionFailureMapper.respond(e);
        }
        if (!StorageFailure.storageFailure(e)) {
            // a bug, not an outage: a 500 that tests and operators notice
            return UnexpectedErrorMapper.internalError(e);
        }
        var incident = UUID.randomUUID().toString();
        var sqlState = StorageFailure.sqlState(e);
        reportOutage(e);
        LOG.log(Level.SEVERE, "Webhook failed, incident {0}: {1}{2}",
                new Object[] {incident, e.getClass().getName(),
                    sqlState == null ? "" : " (database, SQL state " + sqlState + ")"});
        LOG.log(Level.FINE, "Incident " + incident, e);
        if (statusEvent(uriInfo)) {
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                    "The event could not be stored right now (incident " + incident + ").");
        }
        return apologyResponse(uriInfo);
    }

    /** A database that is down is reported, so that the next webhooks answer at once until the probe reaches it. */
    void reportOutage(RuntimeException e) {
        if (StorageFailure.databaseDown(e)) {
            try {
                outageReport.accept(StorageFailure.sqlState(e));
            } catch (IllegalStateException noContainer) {
                // the answer matters more; the node's own probe finds the outage within a second anyway
            }
        }
    }

    /** "Sorry, … cannot read codes right now. Please try again later. Goodbye." and the call ends. */
    static List<Ncco.Action> apology() {
        var language = serverLanguage();
        var reply = new Reply(language, List.of(Prompts.in(language).unavailable()), null);
        return Ncco.of(reply, token -> {
            throw new IllegalStateException("an apology listens for nothing");
        });
    }

    /** The apology in the provider's language: TwiML under {@code /webhooks/twilio/}, an NCCO elsewhere. */
    static Response apologyResponse(UriInfo uriInfo) {
        if (twilio(uriInfo)) {
            return Response.ok(Twiml.apology(twilioVoice()), Twiml.MEDIA_TYPE).build();
        }
        return Response.ok(new GenericEntity<List<Ncco.Action>>(apology()) {
        }, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Vonage's event webhook or Twilio's status callback: no caller waits for the answer. */
    static boolean statusEvent(UriInfo uriInfo) {
        if (uriInfo == null) {
            return false;
        }
        var path = uriInfo.getPath().replaceAll("^/+", "");
        return twilio(uriInfo) ? path.equals("twilio/status") : path.equals("event");
    }

    /** A Twilio webhook: its first path segment under /webhooks is {@code twilio}, as the signature check decides. */
    static boolean twilio(UriInfo uriInfo) {
        if (uriInfo == null) {
            return false;
        }
        for (var segment : uriInfo.getPathSegments()) {
            if (!segment.getPath().isEmpty()) {
                return segment.getPath().equals("twilio");
            }
        }
        return false;
    }

    /**
     * The server's language ({@code landline.language.default}) as it is spoken, when configured and readable; else
     * en-GB. The apology is said before anything about the call is read.
     */
    static String serverLanguage() {
        try {
            return Languages.resolve(ConfigProvider.getConfig().getOptionalValue(CallLanguages.DEFAULT, String.class)
                    .orElse(Languages.DEFAULT)).voice();
        } catch (RuntimeException noConfig) {
            return Languages.DEFAULT;
        }
    }

    /** {@code landline.twilio.voice} for the apology's {@code <Say>}, when configured and readable. */
    private static Optional<String> twilioVoice() {
        try {
            return TwilioWebhooksResource.configuredVoice(
                    ConfigProvider.getConfig().getOptionalValue(TwilioWebhooksResource.VOICE, String.class));
        } catch (RuntimeException noConfig) {
            return Optional.empty();
        }
    }
}
