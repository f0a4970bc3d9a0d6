package dev.landline.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.problems.boundary.PersistenceFailureMapper;
import dev.landline.problems.boundary.TransactionFailureMapper;
import dev.landline.testkit.NccoRules;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.PersistenceException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decisions of the webhook failure mapper; the responses themselves are tested on the server (TwoNodesIT). */
class WebhookFailureMapperTest {

    @Test
    void theApologyIsAValidNccoThatEndsTheCallAndSaysNothingOfTheFailure() throws Exception {
        String json;
        try (var jsonb = JsonbBuilder.create()) {
            json = jsonb.toJson(WebhookFailureMapper.apology());
        }
        var ncco = json;
        assertTrue(NccoRules.problems(ncco).isEmpty(), () -> ncco + ": " + NccoRules.problems(ncco));
        assertTrue(ncco.contains("cannot read codes right now"), ncco);
        assertFalse(ncco.contains("\"input\""), "the apology listens for nothing: " + ncco);
    }

    @Test
    void theWebhookApplicationUsesItInsteadOfTheSharedPersistenceMappers() {
        var classes = new VoiceApplication().getClasses();
        assertTrue(classes.contains(WebhookFailureMapper.class));
        assertFalse(classes.contains(PersistenceFailureMapper.class));
        assertFalse(classes.contains(TransactionFailureMapper.class));
        assertTrue(classes.contains(OutageApology.class), "and answers at once while the database is known down");
    }

    @Test
    void aDatabaseOutOfReachIsReportedSoThatTheNextWebhooksDoNotWaitForIt() {
        var reported = new ArrayList<String>();
        var mapper = new WebhookFailureMapper();
        mapper.outageReport = reported::add;
        var refused = new PersistenceException(new SQLTransientConnectionException("Connection refused", "08001"));
        mapper.reportOutage(refused);
        assertEquals(List.of("08001"), reported);
    }

    @Test
    void aBusyPoolIsNoOutage() {
        var reported = new ArrayList<String>();
        var mapper = new WebhookFailureMapper();
        mapper.outageReport = reported::add;
        mapper.reportOutage(new PersistenceException(new java.sql.SQLException(
                "Error in allocating a connection. Cause: In-use connections equal max-pool-size and expired"
                        + " max-wait-time")));
        mapper.reportOutage(new jakarta.transaction.TransactionalException("a bug", new IllegalStateException()));
        mapper.reportOutage(new PersistenceException(new java.sql.SQLException("canceling statement", "57014")));
        assertTrue(reported.isEmpty(), "busy, a bug or a cancelled statement is not an outage: " + reported);
    }

    @Test
    void aStatementTheDatabaseRejectedIsNoOutage() {
        var reported = new ArrayList<String>();
        var mapper = new WebhookFailureMapper();
        mapper.outageReport = reported::add;
        mapper.reportOutage(new PersistenceException(new SQLSyntaxErrorException("syntax error", "42601")));
        assertTrue(reported.isEmpty(), "a bug is not an outage: " + reported);
    }

    @Test
    void underTwilioTheApologyIsTwimlAndTheStatusCallbackIsTheStatusEvent() {
        assertTrue(WebhookFailureMapper.twilio(uriInfo("twilio/voice")));
        assertTrue(WebhookFailureMapper.twilio(uriInfo("twilio/gather/abc")));
        assertTrue(WebhookFailureMapper.statusEvent(uriInfo("twilio/status")));
        assertFalse(WebhookFailureMapper.statusEvent(uriInfo("twilio/voice")));
        assertFalse(WebhookFailureMapper.statusEvent(uriInfo("twilio/event")), "Vonage's name, Twilio's path");
        assertFalse(WebhookFailureMapper.statusEvent(uriInfo("status")), "Twilio's name, Vonage's path");
    }

    @Test
    void elsewhereTheApologyIsStillTheNcco() {
        assertFalse(WebhookFailureMapper.twilio(uriInfo("input/abc")));
        assertFalse(WebhookFailureMapper.twilio(uriInfo("twilios/voice")), "whole segments only");
        assertFalse(WebhookFailureMapper.twilio(uriInfo("input/twilio")));
        assertTrue(WebhookFailureMapper.statusEvent(uriInfo("event")));
    }

    /** A UriInfo that knows its path only (relative to /webhooks), as the mapper asks it. */
    private static jakarta.ws.rs.core.UriInfo uriInfo(String path) {
        var segments = java.util.Arrays.stream(path.split("/")).map(TestSegment::new)
                .map(jakarta.ws.rs.core.PathSegment.class::cast).toList();
        return (jakarta.ws.rs.core.UriInfo) java.lang.reflect.Proxy.newProxyInstance(getClassLoader(),
                new Class<?>[] {jakarta.ws.rs.core.UriInfo.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPath" -> path;
                    case "getPathSegments" -> segments;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ClassLoader getClassLoader() {
        return WebhookFailureMapperTest.class.getClassLoader();
    }

    private record TestSegment(String getPath) implements jakarta.ws.rs.core.PathSegment {

        @Override
        public jakarta.ws.rs.core.MultivaluedMap<String, String> getMatrixParameters() {
            return new jakarta.ws.rs.core.MultivaluedHashMap<>();
        }
    }
}
